using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A facility, who operates it, where it is and what it produces, with its status and attributes over time.</summary>
internal static class FacilityFold
{
    /// <summary>What an OPERATES relationship says at a time: a new version starts when one of these changes.</summary>
    private sealed record Operation(string Status, string Stage, decimal? Capacity);

    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<FacilityRegistered>(active, everRegistered, graph) is not { } opened)
        {
            return;
        }
        var (registered, first, changes) = opened;
        var ordered = changes.OrderBy(c => c.Envelope.EffectiveDate).ThenBy(c => c.Sequence).ToList();
        var states = new List<(StreamEvent Event, FacilityRegistered State)> { (first, registered) };
        foreach (var change in ordered)
        {
            var state = states[^1].State;
            states.Add((change, change.Envelope.Data switch
            {
                FacilityStatusChanged s => state with { Status = s.Status },
                FacilityUpdated u => state with
                {
                    Name = u.Name ?? state.Name,
                    Stage = u.Stage ?? state.Stage,
                    Products = u.Products ?? state.Products,
                    CapacityTonnesPerYear = u.CapacityTonnesPerYear ?? state.CapacityTonnesPerYear,
                },
                _ => state,
            }));
        }
        var latest = states[^1].State;
        var id = registered.FacilityId;
        graph.Node(new Facility(id, first.Envelope.EffectiveDate, NodeIds([first, .. changes]), latest.Name, registered.OperatorId, registered.Country,
            WireName.Parse<Stage>(latest.Stage), WireName.Parse<FacilityStatus>(latest.Status), List(latest.Products), latest.CapacityTonnesPerYear));

        var operations = Timeline.Periods(Distinct(states.Select(s => (s.Event, new Operation(s.State.Status, s.State.Stage, s.State.CapacityTonnesPerYear)))));
        foreach (var period in operations)
        {
            graph.Edge(new Operates(registered.OperatorId, id, period.From, period.To, Ids(period.Source, period.ClosedBy),
                WireName.Parse<FacilityStatus>(period.Value.Status), WireName.Parse<Stage>(period.Value.Stage), period.Value.Capacity));
        }
        graph.Edge(new LocatedIn(id, registered.Country, first.Envelope.EffectiveDate, null, Ids(first)));
        // A product's PRODUCES relationship runs on while the facility keeps producing it, whatever else changes.
        graph.SetEdges((product, from, to, events) => new Produces(id, product, from, to, events),
            Timeline.Periods(states.Select(s => (s.Event, s.State.Products))));
    }

    /// <summary>The changes of a value in order, without the events that left it as it was.</summary>
    private static IEnumerable<(StreamEvent Event, T Value)> Distinct<T>(IEnumerable<(StreamEvent Event, T Value)> states)
    {
        var previous = default(T);
        var any = false;
        foreach (var (e, value) in states)
        {
            if (!any || !EqualityComparer<T>.Default.Equals(previous, value))
            {
                yield return (e, value);
            }
            (previous, any) = (value, true);
        }
    }
}
