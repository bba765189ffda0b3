using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;
using Marten;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>A new or changed deal, as <c>dealRecorded</c> delivers it.</summary>
public sealed record DealRecorded(long Sequence, string EventId, string EventType, Deal Deal) : IAtSequence;

/// <summary>Which deals a subscriber wants; each list given must match (any of its values), the lists together all.</summary>
public sealed record DealFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Blocs = null,
    IReadOnlyList<string>? Parties = null);

/// <summary>
/// Turns an event of a deal's stream (made, status changed, ended, retracted) into the deal it changed, and checks it
/// against a filter. The deal is what the projection's own fold makes of the stream's events up to that event, read
/// from the event store, so it is the Deal node a query shows once the graph has it, whether or not the projection has
/// caught up: an ended supply agreement still has its product, and a filter never drops it for want of it.
/// </summary>
public sealed class DealEvents(IDocumentStore store, ProjectionProgress progress, SubscriptionSettings settings, TimeProvider time, ILogger<DealEvents> logger)
{
    /// <summary>
    /// For a subscription: the deal when it matches. Delivery then waits (at most KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS)
    /// for the projection to pass the event, so that what the subscriber asks of the deal's neighbours includes it.
    /// </summary>
    public async Task<DealRecorded?> ResolveAsync(StoredEvent e, DealFilter filter, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        if (await DealAsync(session, e.Stream, e.Sequence, ct) is not { } deal || !await MatchesAsync(session, deal, e.Sequence, filter, Today(time), ct))
        {
            return null;
        }
        if (!await progress.WaitForAsync(e.Sequence, settings.ProjectionWait, ct))
        {
            SubscriptionLog.ProjectionBehind(logger, e.Sequence, settings.ProjectionWait, deal.Id);
        }
        return new DealRecorded(e.Sequence, e.EventId, e.EventType, deal);
    }

    /// <summary>The deal of a deal stream after its event at <paramref name="sequence"/>; null for other streams, or when it says no deal (a retracted registration).</summary>
    public static async Task<Deal?> DealAsync(IQuerySession session, StreamId stream, long sequence, CancellationToken ct) =>
        stream is { Kind: StreamKind.Deal } deal
            ? (await StreamHistory.FoldAsync(session, deal, sequence, ct)).Nodes.OfType<Deal>().FirstOrDefault(d => d.Id == deal.Key)
            : null;

    /// <summary>The world date a bloc filter asks about: a party's country is a member today.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Whether the deal matches; its parties' countries and blocs as their own events up to <paramref name="sequence"/> say.</summary>
    public static async Task<bool> MatchesAsync(IQuerySession session, Deal deal, long sequence, DealFilter filter, DateOnly today, CancellationToken ct)
    {
        if (filter.Kinds is { } kinds && !kinds.Contains(WireName.Of(deal.Kind), StringComparer.Ordinal))
        {
            return false;
        }
        if (filter.Products is { } products)
        {
            var wanted = products.SelectMany(Products.Expand).ToHashSet(StringComparer.Ordinal);
            if (!deal.ProductsTraded.SelectMany(Products.Expand).Any(wanted.Contains))
            {
                return false;
            }
        }
        var parties = deal.Parties.Select(p => p.OrganizationId).Distinct(StringComparer.Ordinal).ToList();
        if (filter.Parties is { } wantedParties && !parties.Intersect(wantedParties, StringComparer.Ordinal).Any())
        {
            return false;
        }
        if (filter.Countries is null && filter.Blocs is null)
        {
            return true;
        }
        var countries = new List<string>();
        foreach (var party in parties)
        {
            countries.AddRange((await StreamHistory.FoldAsync(session, StreamId.Organization(party), sequence, ct)).Nodes.OfType<Organization>().Select(o => o.Country));
        }
        countries = countries.Distinct(StringComparer.Ordinal).ToList();
        if (filter.Countries is { } wantedCountries && !countries.Intersect(wantedCountries, StringComparer.Ordinal).Any())
        {
            return false;
        }
        if (filter.Blocs is { } wantedBlocs)
        {
            var blocs = new List<string>();
            foreach (var country in countries)
            {
                var memberships = await StreamHistory.FoldAsync(session, StreamId.Country(country), sequence, ct);
                blocs.AddRange(memberships.Edges.OfType<MemberOf>().Where(m => m.IsValidAt(today)).Select(m => m.ToId));
            }
            return blocs.Intersect(wantedBlocs, StringComparer.Ordinal).Any();
        }
        return true;
    }
}
