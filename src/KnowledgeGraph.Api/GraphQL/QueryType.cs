using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Analysis;
using KnowledgeGraph.Api.GraphQL.KnowledgeQueries;
using KnowledgeGraph.Api.Webhooks;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The root of the researchers' questions. Every list is capped; every date is a world date.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        ById<OrganizationType>("organization", Labels.Organization, "An organization by its id (the orgId of its events).");
        ById<FacilityType>("facility", Labels.Facility, "A facility by its id.");
        ById<DealType>("deal", Labels.Deal, "A deal by its id (the dealId of its events).");
        ById<PolicyType>("policy", Labels.Policy, "A policy by its id.");
        ById<BlocType>("bloc", Labels.Bloc, "A bloc: NATO, EU, G7, QUAD or MSP.");
        Field<CountryType>("country").Argument<NonNullGraphType<StringGraphType>>("code", "ISO 3166-1 alpha-2 code, e.g. SE.")
            .Resolve(ctx => ctx.Loaders().Node(Labels.Country, ctx.GetArgument<string>("code")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountryType>>>>("countries")
            .KnowledgeArguments()
            .ResolveAsync(async ctx => await ctx.Loaders().Reader.AllNodesAsync(Labels.Country, ctx.CancellationToken));

        Field<NonNullGraphType<ConnectionType<OrganizationType, GraphNode>>>("organizations")
            .Description("Organizations registered by asOf that match the filter, by id, a page at a time.")
            .Argument<OrganizationFilterInputType>("filter")
            .Paged()
            .AsOfArgument()
            .ResolveAsync(async ctx =>
            {
                var first = Paging.First(ctx);
                var filter = OrganizationFilterInputType.From(ctx.GetArgument<Dictionary<string, object?>?>("filter"));
                return Connections.ById(await ctx.Loaders().Reader.OrganizationsAsync(filter, ctx.AsOf(), ctx.GetArgument<string?>("after"), first, ctx.CancellationToken));
            });
        Field<NonNullGraphType<ConnectionType<NodeInterface, GraphNode>>>("search")
            .Description("Organizations, facilities and policies whose name, title or alias contains the text (case-insensitive): exact names first, then organizations, then names that start with it.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Paged()
            .KnowledgeArguments()
            .ResolveAsync(async ctx =>
            {
                var text = ctx.GetArgument<string>("text").Trim();
                if (text.Length == 0)
                {
                    throw new QueryInputException("text", "must not be empty");
                }
                var offset = Connections.Offset(ctx.GetArgument<string?>("after"));
                var first = Paging.First(ctx);
                return Connections.AtOffset(await ctx.Loaders().Reader.SearchAsync(text, offset, first, ctx.CancellationToken), offset);
            });
        Field<NodeInterface>("node").Description("Any node by its id (organizations first, then facilities, deals, policies, countries, blocs, products), with the attributes it had at asOf.")
            .Argument<NonNullGraphType<StringGraphType>>("id")
            .AsOfArgument()
            .ResolveAsync(async ctx => await ctx.Loaders().Reader.NodeAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken));
        Field<NonNullGraphType<ConnectionType<NeighbourType, Neighbour>>>("neighbours")
            .Description("The relationships of a node valid at asOf, with the nodes at their other ends: those leaving it first, then by type.")
            .Argument<NonNullGraphType<StringGraphType>>("id")
            .Argument<ListGraphType<NonNullGraphType<RelationshipTypeGraphType>>>("types", "Relationship types, e.g. SUPPLIES, OWNS; all when omitted.")
            .Argument<DirectionGraphType>("direction", "OUT, IN or BOTH (default).")
            .Paged()
            .AsOfArgument()
            .ResolveAsync(async ctx =>
            {
                var direction = ctx.GetArgument("direction", "BOTH");
                var offset = Connections.Offset(ctx.GetArgument<string?>("after"));
                // Asked only for the count, the store counts and reads no neighbour.
                var first = Paging.First(ctx);
                var counted = ctx.SubFields?.Values.All(f => f.FieldType.Name is "totalCount" or "__typename") == true;
                return Connections.AtOffset(await GraphPaths.NeighboursAsync(ctx.Loaders().Reader, ctx.GetArgument<string>("id"), ctx.GetArgument<List<string>?>("types"),
                    direction != "IN", direction != "OUT", ctx.AsOf(), offset, counted ? 0 : first, ctx.CancellationToken), offset);
            });
        this.AddListQueries();
        this.AddAnalysisQueries();
        this.AddCitationQuery();
        this.AddChangesQuery();
        this.AddWebhookQueries();
    }

    private void ById<TType>(string name, string label, string description) where TType : IGraphType =>
        Field<TType>(name).Description($"{description} With the attributes it had at asOf.").Argument<NonNullGraphType<StringGraphType>>("id").AsOfArgument()
            .Resolve(ctx => ctx.Loaders().Node(label, ctx.GetArgument<string>("id")));
}

public sealed class DirectionGraphType : EnumerationGraphType
{
    public DirectionGraphType()
    {
        Name = "Direction";
        Add("OUT", "OUT", "Relationships leaving the node.");
        Add("IN", "IN", "Relationships reaching the node.");
        Add("BOTH", "BOTH", "Both.");
    }
}
