using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A country's bloc memberships, each valid from joining to leaving.</summary>
internal static class MembershipFold
{
    public static void Fold(string country, List<StreamEvent> active, GraphBuilder graph)
    {
        var open = new Dictionary<string, StreamEvent>(StringComparer.Ordinal);
        foreach (var e in active.OrderBy(e => e.Envelope.EffectiveDate).ThenBy(e => e.Sequence))
        {
            switch (MembershipChange.Of(e.Envelope.Data))
            {
                case { Joins: true } joins when !open.ContainsKey(joins.Bloc):
                    open[joins.Bloc] = e;
                    break;
                case { Joins: false } leaves when open.Remove(leaves.Bloc, out var joinedAt):
                    Membership(country, leaves.Bloc, joinedAt, e, graph);
                    break;
                default:
                    graph.Error(e, $"{e.Envelope.Type} does not fit the memberships of {country} at {e.Envelope.EffectiveDate}");
                    break;
            }
        }
        foreach (var (bloc, joinedAt) in open)
        {
            Membership(country, bloc, joinedAt, null, graph);
        }
    }

    private static void Membership(string country, string bloc, StreamEvent joined, StreamEvent? left, GraphBuilder graph)
    {
        var to = left?.Envelope.EffectiveDate;
        if (to != joined.Envelope.EffectiveDate)
        {
            graph.Edge(new MemberOf(country, bloc, joined.Envelope.EffectiveDate, to, GraphBuilder.Ids(joined, left)));
        }
    }
}
