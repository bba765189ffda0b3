using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>The stranded-if question's arguments: the firms that would lose every supplier of the product if the countries were cut off.</summary>
public sealed record StrandedQuestion(IReadOnlyList<string> CutCountries, string Product, string? Bloc, DateOnly AsOf);

/// <summary>
/// A flagship or stranded-if question asked again and again (for a citation, for a subscriber): exactly one of the two,
/// at its own world date, or at today's when <see cref="RollingAsOf"/>. Its answer is the set of firms it lists.
/// </summary>
public sealed record StandingQuestion(FlagshipQuestion? FirmsLackingSupplier, StrandedQuestion? StrandedIf, bool RollingAsOf)
{
    public DateOnly AsOf(DateOnly today) => RollingAsOf ? today : FirmsLackingSupplier?.AsOf ?? StrandedIf!.AsOf;

    /// <summary>The firms the question lists at the world date (see <see cref="AsOf"/>), by id, as the reader knows them.</summary>
    public async Task<IReadOnlyList<GraphNode>> AnswerAsync(IGraphReader reader, DateOnly today, CancellationToken ct)
    {
        var asOf = AsOf(today);
        var firms = FirmsLackingSupplier is { } flagship
            ? (await Queries.FirmsLackingSupplier.RunAsync(reader, flagship with { AsOf = asOf }, ct)).Select(g => g.Organization)
            : (await Queries.StrandedIf.RunAsync(reader, StrandedIf!.CutCountries, StrandedIf.Product, StrandedIf.Bloc, asOf, ct)).Select(s => s.Organization);
        return firms.DistinctBy(f => f.Id).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }
}
