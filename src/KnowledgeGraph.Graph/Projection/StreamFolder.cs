using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// The projection's one piece of logic: what a stream's events say in the graph. Pure and deterministic, so that
/// folding the same events again (a replay, a re-delivery after a crash, a rebuild) writes exactly the same rows.
/// A retraction removes the effect of the event it names; both stay visible as provenance.
/// </summary>
public static class StreamFolder
{
    /// <summary>
    /// What the stream says, with each version's knowledge interval (see <see cref="KnowledgeVersions"/>), carrying
    /// forward the result of an earlier fold of its first events, if given.
    /// </summary>
    public static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events, StreamGraph? carried = null) =>
        KnowledgeVersions.Fold(stream, events, known => FoldAt(stream, known), carried);

    /// <summary>What the stream's events say, as if no other event were stored.</summary>
    private static StreamGraph FoldAt(string stream, IReadOnlyList<StreamEvent> events)
    {
        var retractedBy = events
            .Where(e => e.Envelope.Data is EventRetracted)
            .GroupBy(e => ((EventRetracted)e.Envelope.Data).EventId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var provenance = events
            .Select(e => new ProvenanceEvent(e.Envelope.Id, e.Sequence, e.Envelope.Type, e.Envelope.EffectiveDate, e.Envelope.Source, stream,
                retractedBy.GetValueOrDefault(e.Envelope.Id)?.Envelope.Id, retractedBy.GetValueOrDefault(e.Envelope.Id)?.Sequence, e.RecordedAt))
            .ToList();
        var active = events.Where(e => e.Envelope.Data is not EventRetracted && !retractedBy.ContainsKey(e.Envelope.Id)).ToList();
        var everRegistered = events.Any(e => IsRegistration(e.Envelope.Data));

        var graph = new GraphBuilder();
        var kind = stream[..Math.Max(stream.IndexOf(':', StringComparison.Ordinal), 0)];
        switch (kind)
        {
            case "org": OrganizationFold.Fold(active, everRegistered, graph); break;
            case "facility": FacilityFold.Fold(active, everRegistered, graph); break;
            case "deal": DealFold.Fold(active, everRegistered, graph); break;
            case "policy": PolicyFold.Fold(active, everRegistered, graph); break;
            case "country": MembershipFold.Fold(stream[(kind.Length + 1)..], active, graph); break;
            default:
                foreach (var e in active)
                {
                    graph.Error(e, $"stream '{stream}' is not a stream of the catalog");
                }
                break;
        }
        return new StreamGraph(stream, events.Count == 0 ? 0 : events.Max(e => e.Sequence), graph.Nodes, graph.Edges, provenance, graph.Errors);
    }

    private static bool IsRegistration(object data) =>
        data is OrganizationRegistered or FacilityRegistered or InvestmentMade or PartnershipFormed or SupplyAgreementSigned or PolicyEnacted;

    /// <summary>
    /// The registration that opens a stream, and the events after it of the types the stream accepts; anything
    /// else is a projection error, unless the registration was retracted (then the stream says nothing).
    /// </summary>
    internal static Opened<T>? Open<T>(
        List<StreamEvent> active, bool everRegistered, GraphBuilder graph, Func<object, bool> accepts) where T : class
    {
        var first = active.FirstOrDefault(e => e.Envelope.Data is T);
        var rest = new List<StreamEvent>();
        foreach (var e in active.Where(e => e != first))
        {
            if (first is not null && accepts(e.Envelope.Data))
            {
                rest.Add(e);
            }
            else if (first is not null || !everRegistered)
            {
                graph.Error(e, first is null
                    ? $"{e.Envelope.Type} before any {typeof(T).Name} in its stream"
                    : $"{e.Envelope.Type} does not belong to a {typeof(T).Name} stream");
            }
        }
        return first is null ? null : new Opened<T>((T)first.Envelope.Data, first, rest);
    }
}

/// <summary>A stream's registration event and the events that follow it.</summary>
internal sealed record Opened<T>(T Registration, StreamEvent Event, List<StreamEvent> Rest);
