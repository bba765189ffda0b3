using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Facilities, deals and policies by filter, capped at <see cref="MaxItems"/>.</summary>
internal static class ListQueries
{
    public const int MaxItems = 500;

    public static void AddListQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacilityType>>>>("facilities")
            .Description("Facilities registered by asOf, by country, stage, operator and status at asOf.")
            .Argument<StringGraphType>("country").Argument<StringGraphType>("stage").Argument<StringGraphType>("operatorId")
            .Argument<StringGraphType>("status", "Status at asOf: planned, under-construction, operating, idle, closed.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .AsOfArgument()
            .ResolveAsync(async ctx =>
            {
                var reader = ctx.Loaders().Reader;
                var asOf = ctx.AsOf();
                var status = ctx.GetArgument<string?>("status");
                var operating = status is null ? null
                    : (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, asOf), ctx.CancellationToken))
                        .Where(e => e.Text("status") == status).Select(e => e.ToId).ToHashSet(StringComparer.Ordinal);
                return (await reader.AllNodesAsync(Labels.Facility, ctx.CancellationToken))
                    .Where(n => n.IsValidAt(asOf)
                        && Matches(n, "country", ctx.GetArgument<string?>("country"))
                        && Matches(n, "stage", ctx.GetArgument<string?>("stage"))
                        && Matches(n, "operatorId", ctx.GetArgument<string?>("operatorId"))
                        && (operating is null || operating.Contains(n.Id)))
                    .Take(First(ctx)).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealType>>>>("deals")
            .Description("Deals by kind, party, a party's country, product or category, and effective date range, oldest first.")
            .Argument<StringGraphType>("kind", "investment, partnership or supply.")
            .Argument<StringGraphType>("party", "An organization id.")
            .Argument<StringGraphType>("country", "A party is based there.")
            .Argument<StringGraphType>("product", "A product or a category.")
            .Argument<DateGraphType>("from", "Effective on or after.").Argument<DateGraphType>("to", "Effective on or before.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .ResolveAsync(async ctx =>
            {
                var reader = ctx.Loaders().Reader;
                var products = ctx.GetArgument<string?>("product") is { } p ? Inputs.Products("product", p) : null;
                var country = ctx.GetArgument<string?>("country");
                var inCountry = country is null ? null
                    : (await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], null, [country]), ctx.CancellationToken)).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);
                var (from, to) = (ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to"));
                return (await reader.AllNodesAsync(Labels.Deal, ctx.CancellationToken))
                    .Where(d => Matches(d, "kind", ctx.GetArgument<string?>("kind"))
                        && (ctx.GetArgument<string?>("party") is not { } party || Parties(d).Contains(party))
                        && (inCountry is null || Parties(d).Any(inCountry.Contains))
                        && (products is null || DealType.ProductsOf(d).Any(x => products.Contains(x) || Products.Categories.Contains(x) && Products.Expand(x).Any(products.Contains)))
                        && (from is null || d.ValidFrom >= from) && (to is null || d.ValidFrom <= to))
                    .OrderBy(d => d.ValidFrom).ThenBy(d => d.Id, StringComparer.Ordinal)
                    .Take(First(ctx)).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("policies")
            .Description("Policies by jurisdiction, kind, product or category covered, beneficiary and status.")
            .Argument<StringGraphType>("jurisdiction").Argument<StringGraphType>("kind").Argument<StringGraphType>("product")
            .Argument<StringGraphType>("beneficiary", "An organization id.").Argument<StringGraphType>("status", "in-force or revoked.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .ResolveAsync(async ctx => (await ctx.Loaders().Reader.AllNodesAsync(Labels.Policy, ctx.CancellationToken))
                .Where(p => Matches(p, "jurisdiction", ctx.GetArgument<string?>("jurisdiction"))
                    && Matches(p, "kind", ctx.GetArgument<string?>("kind"))
                    && Matches(p, "status", ctx.GetArgument<string?>("status"))
                    && (ctx.GetArgument<string?>("product") is not { } product || OrganizationType.Strings(p, "products").Contains(product))
                    && (ctx.GetArgument<string?>("beneficiary") is not { } b || OrganizationType.Strings(p, "beneficiaryIds").Contains(b)))
                .Take(First(ctx)).ToList());
    }

    private static int First(IResolveFieldContext ctx) => Inputs.Range("first", ctx.GetArgument<int?>("first"), 100, MaxItems);

    private static bool Matches(GraphNode node, string key, string? wanted) => wanted is null || node.Text(key) == wanted;

    private static IEnumerable<string> Parties(GraphNode deal) =>
        new[] { deal.Text("investorId"), deal.Text("targetId"), deal.Text("supplierId"), deal.Text("buyerId") }.OfType<string>()
            .Concat(OrganizationType.Strings(deal, "partyIds"));
}
