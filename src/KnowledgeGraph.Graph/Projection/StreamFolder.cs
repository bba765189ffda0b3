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
    /// <summary>What the stream says, with each version's knowledge interval (see <see cref="KnowledgeVersions"/>).</summary>
    public static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events) =>
        KnowledgeVersions.Fold(stream, events, known => FoldAt(stream, known));

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
        var everRegistered = events.Any(e => e.Envelope.Data.RegistersEntity());

        var graph = new GraphBuilder();
        if (StreamId.TryParse(stream, out var id))
        {
            Action fold = id.Kind switch
            {
                StreamKind.Organization => () => OrganizationFold.Fold(active, everRegistered, graph),
                StreamKind.Facility => () => FacilityFold.Fold(active, everRegistered, graph),
                StreamKind.Deal => () => DealFold.Fold(active, everRegistered, graph),
                StreamKind.Policy => () => PolicyFold.Fold(active, everRegistered, graph),
                StreamKind.Country => () => MembershipFold.Fold(id.Key, active, graph),
            };
            fold();
        }
        else
        {
            active.ForEach(e => graph.Error(e, $"stream '{stream}' is not a stream of the catalog"));
        }
        return new StreamGraph(stream, events.Count == 0 ? 0 : events.Max(e => e.Sequence), graph.Nodes, graph.Edges, provenance, graph.Errors);
    }

    /// <summary>
    /// The registration that opens a stream, and the events after it that continue it (<see cref="RegistrationOf"/>);
    /// anything else is a projection error, unless the registration was retracted (then the stream says nothing).
    /// </summary>
    internal static Opened<T>? Open<T>(List<StreamEvent> active, bool everRegistered, GraphBuilder graph) where T : CatalogEvent
    {
        var first = active.FirstOrDefault(e => e.Envelope.Data is T);
        var rest = new List<StreamEvent>();
        foreach (var e in active.Where(e => e != first))
        {
            if (first is not null && RegistrationOf.Continues<T>(e.Envelope.Data))
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
