using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A partner through a partnership deal: the other party's membership of the deal.</summary>
public sealed class PartnerType : ObjectGraphType<PartyTo>
{
    public PartnerType()
    {
        Name = "Partner";
        Field<NonNullGraphType<OrganizationType>>("partner").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.ToId));
        this.AddValidityAndSources(e => e);
    }

    /// <summary>The organization's partnership memberships at the date, then the other parties of those deals.</summary>
    public static IDataLoaderResult<IReadOnlyList<GraphEdge>> PartnersOf(IResolveFieldContext ctx, string orgId)
    {
        var asOf = ctx.AsOf();
        var loaders = ctx.Loaders();
        return new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
            loaders.Edges(orgId, [Relationships.PartyTo], true, asOf),
            own =>
            {
                var deals = (own ?? []).OfType<PartyTo>().Where(e => e.Role == DealRole.Party).Select(e => e.ToId).Distinct().ToList();
                return new ThenResult<IReadOnlyList<GraphEdge>?[], IReadOnlyList<GraphEdge>>(
                    new AllOf<IReadOnlyList<GraphEdge>?>(deals.Select(d => loaders.Edges(d, [Relationships.PartyTo], false, asOf)).ToList()),
                    parties => new Loaded<IReadOnlyList<GraphEdge>>(parties.SelectMany(p => p ?? []).Where(p => p.FromId != orgId).ToList()));
            });
    }
}
