using GraphQL.Types;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>What every relationship-like type shows: its validity interval in world time and the sources that assert it.</summary>
internal static class RelationshipFields
{
    public static void AddValidityAndSources<TSource>(this ObjectGraphType<TSource> type, Func<TSource, GraphEdge> edge)
    {
        type.Field<NonNullGraphType<DateGraphType>>("validFrom").Description("First world date it holds.").Resolve(ctx => edge(ctx.Source).ValidFrom);
        type.Field<DateGraphType>("validTo").Description("First world date it no longer holds (null: still holds).").Resolve(ctx => edge(ctx.Source).ValidTo);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("sources")
            .Description("The events that assert it, with their sources.")
            .Resolve(ctx => ctx.Loaders().Events(edge(ctx.Source).EventIds));
    }
}
