using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>An organization with its latest attributes, where it is based over time and what it needs.</summary>
internal static class OrganizationFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<OrganizationRegistered>(active, everRegistered, graph) is not { } opened)
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
        graph.Node(new Organization(id, first.Envelope.EffectiveDate, NodeIds([first, .. changes]),
            latest.Name, latest.Country, WireName.Parse<OrganizationKind>(latest.Kind), List(latest.Stages).Select(WireName.Parse<Stage>).ToList(),
            List(latest.Aliases), List(latest.Consumes)));

        var countries = Timeline.Periods([(first, registered.Country), .. changes
            .Where(u => ((OrganizationUpdated)u.Envelope.Data).Country is not null)
            .Select(u => (u, ((OrganizationUpdated)u.Envelope.Data).Country!))]);
        foreach (var period in countries)
        {
            graph.Edge(new BasedIn(id, period.Value, period.From, period.To, Ids(period.Source, period.ClosedBy)));
        }

        var needs = Timeline.Periods([(first, registered.Consumes), .. changes
            .Where(u => ((OrganizationUpdated)u.Envelope.Data).Consumes is not null)
            .Select(u => (u, ((OrganizationUpdated)u.Envelope.Data).Consumes))]);
        graph.SetEdges((code, from, to, events) => new Needs(id, ProductOrCategory(code), code, from, to, events), needs);
    }
}
