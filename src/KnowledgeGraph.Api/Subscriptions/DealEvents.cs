using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

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

/// <summary>
/// Turns an event of a deal's stream (made, status changed, ended, retracted) into the deal it changed, read from the
/// graph, and checks it against a filter.
/// </summary>
/// <remarks>
/// The deal is the graph's node, not one rebuilt from the event: parties, sources and the latest status all come from
/// the graph, so the subscriber sees the same Deal a query would. The graph is projected asynchronously, so delivery
/// first waits for the projection checkpoint to pass the event (normally well under a second, woken by the same
/// notification). If no projector catches up within KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS, the event is still
/// delivered, never dropped, with the deal read from the event itself (its parties then as the graph has them).
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
        var deal = ((await graph.NodesAsync(Labels.Deal, [dealId], ct)) is [var node, ..] ? node : null) ?? FromEvent(e, dealId);
        return deal is not null && await MatchesAsync(filter, deal, ct) ? new DealRecorded(e.Sequence, e.EventId, e.EventType, deal) : null;
    }

    private async Task<bool> MatchesAsync(DealFilter filter, GraphNode deal, CancellationToken ct)
    {
        if (filter.Kinds is { } kinds && !kinds.Contains(deal.Text("kind") ?? "", StringComparer.Ordinal))
        {
            return false;
        }
        if (filter.Products is { } products)
        {
            var wanted = products.SelectMany(Products.Expand).ToHashSet(StringComparer.Ordinal);
            var dealProducts = deal.Text("product") is { } p ? [p] : (deal.Properties["products"] as JsonArray ?? []).Select(n => n!.GetValue<string>());
            if (!dealProducts.SelectMany(Products.Expand).Any(wanted.Contains))
            {
                return false;
            }
        }
        if (filter.Parties is null && filter.Countries is null && filter.Blocs is null)
        {
            return true;
        }
        var parties = (await graph.EdgesAsync(new EdgeQuery([Relationships.PartyTo], null, [deal.Id]), ct)).Select(e => e.FromId).Distinct().ToList();
        if (filter.Parties is { } wantedParties && !parties.Intersect(wantedParties, StringComparer.Ordinal).Any())
        {
            return false;
        }
        if (filter.Countries is null && filter.Blocs is null)
        {
            return true;
        }
        var countries = (await graph.NodesAsync(Labels.Organization, parties, ct)).Select(o => o.Text("country")).OfType<string>().Distinct().ToList();
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

    /// <summary>The deal as its own event describes it, for when the graph has not caught up.</summary>
    private static GraphNode? FromEvent(StoredEvent e, string dealId)
    {
        if (JsonNode.Parse(e.Data) is not JsonObject data)
        {
            return null;
        }
        if (e.EventType == "PartnershipFormed")
        {
            data["partnershipKind"] = data["kind"]?.DeepClone();
        }
        data["kind"] = e.EventType switch
        {
            "InvestmentMade" or "InvestmentStatusChanged" or "StakeChanged" => "investment",
            "PartnershipFormed" or "PartnershipStatusChanged" or "PartnershipEnded" => "partnership",
            "SupplyAgreementSigned" or "SupplyAgreementStatusChanged" or "SupplyAgreementEnded" => "supply",
            _ => null,
        };
        data["status"] ??= e.EventType.EndsWith("Ended", StringComparison.Ordinal) ? "ended" : null;
        return data["kind"] is null || data["status"] is null ? null : new GraphNode(Labels.Deal, dealId, e.EffectiveDate, data, [e.EventId]);
    }
}
