using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

internal static class OrganizationFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<OrganizationRegistered>(active, everRegistered, graph, d => d is OrganizationUpdated) is not { } opened)
        {
            return;
        }
        var (registered, first, updates) = opened;
        var changes = updates.OrderBy(u => u.Envelope.EffectiveDate).ThenBy(u => u.Sequence).ToList();
        var latest = changes.Select(u => (OrganizationUpdated)u.Envelope.Data).Aggregate(registered, (state, u) => state with
        {
            Name = u.Name ?? state.Name,
            Country = u.Country ?? state.Country,
            Kind = u.Kind ?? state.Kind,
            Stages = u.Stages ?? state.Stages,
            Aliases = u.Aliases ?? state.Aliases,
            Consumes = u.Consumes ?? state.Consumes,
        });
        var id = registered.OrgId;
        graph.Node(Labels.Organization, id, first.Envelope.EffectiveDate, new JsonObject
        {
            ["name"] = latest.Name,
            ["country"] = latest.Country,
            ["kind"] = latest.Kind,
            ["stages"] = Array(latest.Stages),
            ["aliases"] = Array(latest.Aliases),
            ["consumes"] = Array(latest.Consumes),
        }, [first, .. changes]);

        var countries = Timeline.Periods([(first, registered.Country), .. changes
            .Where(u => ((OrganizationUpdated)u.Envelope.Data).Country is not null)
            .Select(u => (u, ((OrganizationUpdated)u.Envelope.Data).Country!))]);
        foreach (var period in countries)
        {
            graph.Edge(Relationships.BasedIn, Org(id), (Labels.Country, period.Value), period.Value, period.From, period.To, [], period.Source, period.ClosedBy);
        }

        var needs = Timeline.Periods([(first, registered.Consumes), .. changes
            .Where(u => ((OrganizationUpdated)u.Envelope.Data).Consumes is not null)
            .Select(u => (u, ((OrganizationUpdated)u.Envelope.Data).Consumes))]);
        graph.SetEdges(Relationships.Needs, Org(id), ProductOrCategory, needs);
    }
}
