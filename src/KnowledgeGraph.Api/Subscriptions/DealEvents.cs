using System.Text.Json;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>A new or changed deal, as <c>dealRecorded</c> delivers it.</summary>
public sealed record DealRecorded(long Sequence, string EventId, string EventType, Deal Deal);

/// <summary>Which deals a subscriber wants; each list given must match (any of its values), the lists together all.</summary>
public sealed record DealFilter(
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Blocs = null,
    IReadOnlyList<string>? Parties = null);

/// <summary>
/// Turns an event of a deal's stream (made, status changed, ended, retracted) into the deal it changed, read from the
/// graph, and checks it against a filter.
/// </summary>
/// <remarks>
/// The deal is the graph's node, not one rebuilt from the event: parties, sources and the latest status all come from
/// the graph, so the subscriber sees the same Deal a query would. The graph is projected asynchronously, so delivery
/// first waits for the projection checkpoint to pass the event (normally well under a second, woken by the same
/// notification). If no projector catches up within KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS, the event is still
/// delivered, never dropped, with the deal the projection's own fold makes of the event, when the event registers it.
/// </remarks>
public sealed class DealEvents(ProjectionProgress progress, IGraphReader graph, SubscriptionSettings settings, ILogger<DealEvents> logger)
{
    private const string DealStream = "deal:";

    public async Task<DealRecorded?> ResolveAsync(StoredEvent e, DealFilter filter, CancellationToken ct)
    {
        if (!e.Stream.StartsWith(DealStream, StringComparison.Ordinal))
        {
            return null;
        }
        var dealId = e.Stream[DealStream.Length..];
        if (!await progress.WaitForAsync(e.Sequence, settings.ProjectionWait, ct))
        {
            SubscriptionLog.ProjectionBehind(logger, e.Sequence, settings.ProjectionWait, dealId);
        }
        var deal = (await graph.NodesAsync(Labels.Deal, [dealId], ct)).OfType<Deal>().FirstOrDefault() ?? FromEvent(e);
        return deal is not null && await MatchesAsync(filter, deal, ct) ? new DealRecorded(e.Sequence, e.EventId, e.EventType, deal) : null;
    }

    private async Task<bool> MatchesAsync(DealFilter filter, Deal deal, CancellationToken ct)
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
        if (filter.Parties is null && filter.Countries is null && filter.Blocs is null)
        {
            return true;
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
        var countries = (await graph.NodesAsync(Labels.Organization, parties, ct)).OfType<Organization>().Select(o => o.Country).Distinct().ToList();
        if (filter.Countries is { } wantedCountries && !countries.Intersect(wantedCountries, StringComparer.Ordinal).Any())
        {
            return false;
        }
        if (filter.Blocs is { } wantedBlocs)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var blocs = await graph.EdgesAsync(new EdgeQuery([Relationships.MemberOf], countries, null, today), ct);
            return blocs.Select(b => b.ToId).Intersect(wantedBlocs, StringComparer.Ordinal).Any();
        }
        return true;
    }

    /// <summary>The deal as the projection's fold makes it of its registration alone, for when the graph has not caught up.</summary>
    private static Deal? FromEvent(StoredEvent e)
    {
        if (EventCatalog.Find(e.EventType) is not { } type || JsonSerializer.Deserialize(e.Data, type, EventJson.Options) is not { } data)
        {
            return null;
        }
        var envelope = new EventEnvelope(e.EventId, e.EffectiveDate, new Source("", ""), data);
        return StreamFolder.Fold(e.Stream, [new StreamEvent(e.Sequence, envelope)]).Nodes.OfType<Deal>().FirstOrDefault();
    }
}
