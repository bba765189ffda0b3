using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;
using Marten;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>A new or changed deal, as <c>dealRecorded</c> delivers it.</summary>
public sealed record DealRecorded(long Sequence, string EventId, string EventType, GraphNode Deal);

/// <summary>Which deals a subscriber wants; each list given must match (any of its values), the lists together all.</summary>
public sealed record DealFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Blocs = null,
    IReadOnlyList<string>? Parties = null);

/// <summary>A deal as the events of its stream up to <paramref name="Sequence"/> leave it, and its parties.</summary>
public sealed record FoldedDeal(GraphNode Node, IReadOnlyList<string> Parties, long Sequence);

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
        if (await DealAsync(session, e.Stream, e.Sequence, ct) is not { } deal || !await MatchesAsync(session, deal, filter, Today(time), ct))
        {
            return null;
        }
        if (!await progress.WaitForAsync(e.Sequence, settings.ProjectionWait, ct))
        {
            SubscriptionLog.ProjectionBehind(logger, e.Sequence, settings.ProjectionWait, deal.Node.Id);
        }
        return new DealRecorded(e.Sequence, e.EventId, e.EventType, deal.Node);
    }

    /// <summary>The deal of a deal stream after its event at <paramref name="sequence"/>; null for other streams, or when it says no deal (a retracted registration).</summary>
    public static async Task<FoldedDeal?> DealAsync(IQuerySession session, string stream, long sequence, CancellationToken ct)
    {
        if (Streams.DealIdOf(stream) is not { } dealId)
        {
            return null;
        }
        var folded = await StreamHistory.FoldAsync(session, stream, sequence, ct);
        return folded.Nodes.FirstOrDefault(n => n.Label == Labels.Deal && n.Id == dealId) is { } node
            ? new FoldedDeal(node, folded.Edges.Where(e => e.Type == Relationships.PartyTo).Select(e => e.FromId).Distinct().ToList(), sequence)
            : null;
    }

    /// <summary>The world date a bloc filter asks about: a party's country is a member today.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Whether the deal matches; the parties' countries and blocs as their own events up to the deal's event say.</summary>
    public static async Task<bool> MatchesAsync(IQuerySession session, FoldedDeal deal, DealFilter filter, DateOnly today, CancellationToken ct)
    {
        if (filter.Kinds is { } kinds && !kinds.Contains(deal.Node.Text("kind") ?? "", StringComparer.Ordinal))
        {
            return false;
        }
        if (filter.Products is { } products)
        {
            var wanted = products.SelectMany(Products.Expand).ToHashSet(StringComparer.Ordinal);
            var dealProducts = deal.Node.Text("product") is { } p ? [p] : (deal.Node.Properties["products"] as JsonArray ?? []).Select(n => n!.GetValue<string>());
            if (!dealProducts.SelectMany(Products.Expand).Any(wanted.Contains))
            {
                return false;
            }
        }
        if (filter.Parties is { } wantedParties && !deal.Parties.Intersect(wantedParties, StringComparer.Ordinal).Any())
        {
            return false;
        }
        if (filter.Countries is null && filter.Blocs is null)
        {
            return true;
        }
        var countries = new List<string>();
        foreach (var party in deal.Parties)
        {
            var org = await StreamHistory.FoldAsync(session, Streams.Organization(party), deal.Sequence, ct);
            countries.AddRange(org.Nodes.Where(n => n.Label == Labels.Organization).Select(n => n.Text("country")).OfType<string>());
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
                var memberships = await StreamHistory.FoldAsync(session, Streams.Country(country), deal.Sequence, ct);
                blocs.AddRange(memberships.Edges.Where(m => m.Type == Relationships.MemberOf && m.IsValidAt(today)).Select(m => m.ToId));
            }
            return blocs.Intersect(wantedBlocs, StringComparer.Ordinal).Any();
        }
        return true;
    }
}
