using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>An organization with its attributes over time, where it is based over time and what it needs.</summary>
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
        var states = new List<(StreamEvent Event, OrganizationRegistered State)> { (first, registered) };
        foreach (var change in changes)
        {
            var (state, u) = (states[^1].State, (OrganizationUpdated)change.Envelope.Data);
            states.Add((change, state with
            {
                Name = u.Name ?? state.Name,
                Country = u.Country ?? state.Country,
                Kind = u.Kind ?? state.Kind,
                Stages = u.Stages ?? state.Stages,
                Aliases = u.Aliases ?? state.Aliases,
                Consumes = u.Consumes ?? state.Consumes,
            }));
        }
        var id = registered.OrgId;
        graph.NodeVersions(states, (state, eventIds) => new Organization(id, first.Envelope.EffectiveDate, eventIds,
            state.Name, state.Country, WireName.Parse<OrganizationKind>(state.Kind), List(state.Stages).Select(WireName.Parse<Stage>).ToList(),
            List(state.Aliases), List(state.Consumes)));

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
