using GraphQL;
using GraphQL.Builders;
using KnowledgeGraph.Api.GraphQL.Loading;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Arguments and services every resolver uses.</summary>
internal static class Arguments
{
    public const string AsOfDescription = "The world date to answer for (default: the asOf of the enclosing field, else today).";

    /// <summary>Adds the <c>asOf: Date</c> argument, and the knowledge arguments <c>knownAt</c> and <c>knownAtSequence</c>.</summary>
    public static FieldBuilder<TSource, TReturn> AsOfArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<DateGraphType>("asOf", AsOfDescription).KnowledgeArguments();

    /// <summary>The field's own asOf, else the nearest enclosing field's, else today (UTC, see <see cref="Today"/>).</summary>
    public static DateOnly AsOf(this IResolveFieldContext context)
    {
        for (var current = context; current is not null; current = current.Parent)
        {
            if (current.HasArgument("asOf") && current.GetArgument<DateOnly?>("asOf") is { } asOf)
            {
                return asOf;
            }
        }
        return Today.Of(context.RequestServices!);
    }

    /// <summary>The request's loaders, reading the graph as known at the field's knowledge point (see <see cref="KnowledgeTime"/>).</summary>
    public static GraphLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<GraphLoaders>().KnownAt(context.Knowledge());
}
