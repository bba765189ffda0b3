using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class OrganizationType : ObjectGraphType<Organization>
{
    public OrganizationType()
    {
        Name = "Organization";
        Description = "A company, government agency, investor, research body or consortium.";
        this.ImplementNode("The orgId of its events.");
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(ctx => ctx.Source.Aliases);
        Field<NonNullGraphType<StringGraphType>>("country").Description("Where it is based at asOf.").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, string>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.BasedIn], true, ctx.AsOf()),
                edges => new Loaded<string>(edges is [var e, ..] ? e.ToId : ctx.Source.Country)));
        Field<NonNullGraphType<OrganizationKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StageGraphType>>>>("stages").Resolve(ctx => ctx.Source.Stages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("consumes").Description("Products or categories it needs.").Resolve(ctx => ctx.Source.Consumes);
        Field<DateGraphType>("validFrom").Description("The effective date of its registration.").Resolve(ctx => ctx.Source.ValidFrom);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacilityType>>>>("facilities").Description("Facilities it operates at asOf.").AsOfArgument()
            .Resolve(ctx => Across(ctx, Relationships.Operates, outgoing: true, edges => ctx.Loaders().Nodes(Labels.Facility, edges.Select(e => e.ToId).Distinct().ToList())));
        Supply("suppliers", "Supply agreements in force at asOf that it buys under.", outgoing: false);
        Supply("customers", "Supply agreements in force at asOf that it sells under.", outgoing: true);
        Edges<InvestmentRelationType>("investors", "Investments made in it (any status) as they stand at asOf.", Relationships.InvestedIn, outgoing: false);
        Edges<InvestmentRelationType>("investments", "Investments it made (any status) as they stand at asOf.", Relationships.InvestedIn, outgoing: true);
        Edges<OwnershipType>("owners", "Completed stakes held in it at asOf.", Relationships.Owns, outgoing: false);
        Edges<OwnershipType>("subsidiaries", "Completed stakes it holds at asOf.", Relationships.Owns, outgoing: true);
        Edges<DealPartyType>("deals", "The deals it is party to at asOf, with its role.", Relationships.PartyTo, outgoing: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerType>>>>("partners").Description("Its partners in partnerships active at asOf.").AsOfArgument()
            .Resolve(ctx => PartnerType.PartnersOf(ctx, ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("policies").Description("Policies in force at asOf that name it as a beneficiary.").AsOfArgument()
            .Resolve(ctx => Across(ctx, Relationships.Benefits, outgoing: false, edges => ctx.Loaders().Nodes(Labels.Policy, edges.Select(e => e.FromId).Distinct().ToList())));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Description("Its provenance: the events about it, with their sources.")
            .Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }

    private void Supply(string name, string description, bool outgoing) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyRelationType>>>>(name).Description(description)
            .Argument<StringGraphType>("product", "A product or a category; all products when omitted.")
            .AsOfArgument()
            .Resolve(ctx =>
            {
                var products = ctx.GetArgument<string?>("product") is { } p ? Inputs.Products("product", p) : null;
                return new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                    ctx.Loaders().Edges(ctx.Source.Id, [Relationships.Supplies], outgoing, ctx.AsOf()),
                    edges => new Loaded<IReadOnlyList<GraphEdge>>((edges ?? [])
                        .OfType<Supplies>().Where(e => e.InForce && (products is null || products.Contains(e.Product))).ToList<GraphEdge>()));
            });

    private void Edges<TType>(string name, string description, string type, bool outgoing) where TType : IGraphType =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TType>>>>(name).Description(description).AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                ctx.Loaders().Edges(ctx.Source.Id, [type], outgoing, ctx.AsOf()),
                edges => new Loaded<IReadOnlyList<GraphEdge>>(edges ?? [])));

    private static ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphNode>> Across(IResolveFieldContext<Organization> ctx, string type, bool outgoing,
        Func<IReadOnlyList<GraphEdge>, IDataLoaderResult<IReadOnlyList<GraphNode>>> nodes) =>
        new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphNode>>(ctx.Loaders().Edges(ctx.Source.Id, [type], outgoing, ctx.AsOf()), edges => nodes(edges ?? []));
}
