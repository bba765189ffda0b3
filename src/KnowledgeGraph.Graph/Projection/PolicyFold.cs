using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A policy, who enacted it, and what it covers, benefits and targets, amended over time until revoked.</summary>
internal static class PolicyFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<PolicyEnacted>(active, everRegistered, graph) is not { } opened)
        {
            return;
        }
        var (enacted, first, rest) = opened;
        var revoked = rest.FirstOrDefault(e => e.Envelope.Data is PolicyRevoked);
        var amendments = rest.Where(e => e.Envelope.Data is PolicyAmended)
            .OrderBy(e => e.Envelope.EffectiveDate).ThenBy(e => e.Sequence).ToList();
        var latest = amendments.Select(a => (PolicyAmended)a.Envelope.Data).Aggregate(enacted, (state, a) => state with
        {
            Title = a.Title ?? state.Title,
            Products = a.Products ?? state.Products,
            BeneficiaryIds = a.BeneficiaryIds ?? state.BeneficiaryIds,
            TargetCountries = a.TargetCountries ?? state.TargetCountries,
        });
        var id = enacted.PolicyId;
        graph.Node(new Policy(id, first.Envelope.EffectiveDate,
            NodeIds([first, .. amendments, .. (revoked is null ? (IEnumerable<StreamEvent>)[] : [revoked])]),
            enacted.Jurisdiction, WireName.Parse<PolicyKind>(enacted.Kind), latest.Title, revoked is null ? PolicyStatus.InForce : PolicyStatus.Revoked,
            revoked?.Envelope.EffectiveDate, List(latest.Products), List(latest.BeneficiaryIds), List(latest.TargetCountries)));

        var to = revoked?.Envelope.EffectiveDate;
        graph.Edge(new EnactedBy(id, CountryOrBloc(enacted.Jurisdiction), enacted.Jurisdiction, first.Envelope.EffectiveDate,
            to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to, Ids(first, revoked)));

        List<Period<IReadOnlyList<string>?>> Periods(IReadOnlyList<string>? initial, Func<PolicyAmended, IReadOnlyList<string>?> pick) =>
            Timeline.Periods([(first, initial), .. amendments
                .Select(a => (a, pick((PolicyAmended)a.Envelope.Data)))
                .Where(change => change.Item2 is not null)], revoked);
        graph.SetEdges((code, from, until, events) => new Covers(id, ProductOrCategory(code), code, from, until, events),
            Periods(enacted.Products, a => a.Products));
        graph.SetEdges((org, from, until, events) => new Benefits(id, org, from, until, events), Periods(enacted.BeneficiaryIds, a => a.BeneficiaryIds));
        graph.SetEdges((country, from, until, events) => new Targets(id, country, from, until, events),
            Periods(enacted.TargetCountries, a => a.TargetCountries));
    }
}
