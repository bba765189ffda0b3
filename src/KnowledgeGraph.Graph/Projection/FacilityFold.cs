using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

internal static class FacilityFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<FacilityRegistered>(active, everRegistered, graph, d => d is FacilityStatusChanged) is not { } opened)
        {
            return;
        }
        var (registered, first, changes) = opened;
        var statuses = Timeline.Periods([(first, registered.Status), .. changes.Select(c => (c, ((FacilityStatusChanged)c.Envelope.Data).Status))]);
        var id = registered.FacilityId;
        var facility = (Labels.Facility, id);
        graph.Node(Labels.Facility, id, first.Envelope.EffectiveDate, new JsonObject
        {
            ["name"] = registered.Name,
            ["operatorId"] = registered.OperatorId,
            ["country"] = registered.Country,
            ["stage"] = registered.Stage,
            ["status"] = statuses.Count > 0 ? statuses[^1].Value : registered.Status,
            ["products"] = Array(registered.Products),
            ["capacityTonnesPerYear"] = registered.CapacityTonnesPerYear,
        }, [first, .. changes]);

        foreach (var period in statuses)
        {
            graph.Edge(Relationships.Operates, Org(registered.OperatorId), facility, id, period.From, period.To, new JsonObject
            {
                ["status"] = period.Value,
                ["stage"] = registered.Stage,
                ["capacityTonnesPerYear"] = registered.CapacityTonnesPerYear,
            }, period.Source, period.ClosedBy);
        }
        graph.Edge(Relationships.LocatedIn, facility, (Labels.Country, registered.Country), registered.Country, first.Envelope.EffectiveDate, null, [], first);
        foreach (var product in (registered.Products ?? []).Distinct(StringComparer.Ordinal))
        {
            graph.Edge(Relationships.Produces, facility, (Labels.Product, product), product, first.Envelope.EffectiveDate, null, [], first);
        }
    }
}
