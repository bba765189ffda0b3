using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A policy, who enacted it, and what it covers, benefits and targets, amended over time until revoked.</summary>
internal static class PolicyFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<PolicyEnacted>(active, everRegistered, graph, d => d is PolicyAmended or PolicyRevoked) is not { } opened)
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
        var policy = (Labels.Policy, enacted.PolicyId);
        graph.Node(Labels.Policy, enacted.PolicyId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["jurisdiction"] = enacted.Jurisdiction,
            ["kind"] = enacted.Kind,
            ["title"] = latest.Title,
            ["status"] = revoked is null ? "in-force" : "revoked",
            ["revokedOn"] = Date(revoked?.Envelope.EffectiveDate),
            ["products"] = Array(latest.Products),
            ["beneficiaryIds"] = Array(latest.BeneficiaryIds),
            ["targetCountries"] = Array(latest.TargetCountries),
        }, [first, .. amendments, .. (revoked is null ? (IEnumerable<StreamEvent>)[] : [revoked])]);

        var to = revoked?.Envelope.EffectiveDate;
        graph.Edge(Relationships.EnactedBy, policy, CountryOrBloc(enacted.Jurisdiction), enacted.Jurisdiction, first.Envelope.EffectiveDate,
            to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to, [], first, revoked);

        List<Period<IReadOnlyList<string>?>> Periods(IReadOnlyList<string>? initial, Func<PolicyAmended, IReadOnlyList<string>?> pick) =>
            Timeline.Periods([(first, initial), .. amendments
                .Select(a => (a, pick((PolicyAmended)a.Envelope.Data)))
                .Where(change => change.Item2 is not null)], revoked);
        graph.SetEdges(Relationships.Covers, policy, ProductOrCategory, Periods(enacted.Products, a => a.Products));
        graph.SetEdges(Relationships.Benefits, policy, Org, Periods(enacted.BeneficiaryIds, a => a.BeneficiaryIds));
        graph.SetEdges(Relationships.Targets, policy, c => (Labels.Country, c), Periods(enacted.TargetCountries, a => a.TargetCountries));
    }
}
