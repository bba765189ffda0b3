using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Knowledge time as arguments: a field answers for the events stored up to <c>knownAtSequence</c>, or recorded up to
/// <c>knownAt</c>, its own or the nearest enclosing field's (what a retracted change shows, just before its
/// retraction); by default, for every event recorded.
/// </summary>
internal static class KnowledgeTime
{
    public static FieldBuilder<TSource, TReturn> KnowledgeArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<DateTimeGraphType>("knownAt",
            "Knowledge time: answer with what was recorded up to this instant (default: the enclosing field's, else everything).")
        .Argument<LongGraphType>("knownAtSequence",
            "Knowledge time: answer with the events stored up to this sequence (as extensions.knowledge reports it).");

    /// <summary>The field's own knowledge point, else the nearest enclosing field's, else everything recorded.</summary>
    public static Knowledge Knowledge(this IResolveFieldContext context)
    {
        for (var current = context; current is not null; current = current.Parent)
        {
            var sequence = current.HasArgument("knownAtSequence") ? current.GetArgument<long?>("knownAtSequence") : null;
            var at = current.HasArgument("knownAt") ? current.GetArgument<DateTime?>("knownAt") : null;
            if (sequence is not null && at is not null)
            {
                throw new QueryInputException("knownAtSequence", "name knownAt or knownAtSequence, not both");
            }
            if (sequence < 0)
            {
                throw new QueryInputException("knownAtSequence", "must be 0 or more");
            }
            if (sequence is not null || at is not null)
            {
                return new Knowledge(sequence, at is { } instant ? Utc(instant) : null);
            }
            // What a retraction took away is shown as it was known just before it: its ends may be gone since (the
            // deal of a retracted partnership, a retracted registration).
            if (current.Source is GraphChange { Kind: "RETRACTED", Event: { } retraction })
            {
                return new Knowledge(retraction.Sequence - 1);
            }
        }
        return Graph.Ports.Knowledge.All;
    }

    /// <summary>An instant without an offset is read as UTC.</summary>
    public static DateTimeOffset Utc(DateTime instant) => new(instant.Kind switch
    {
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => instant.ToUniversalTime(),
    });

    /// <summary>A knowledge point as <c>extensions.knowledge</c> and the citations show it.</summary>
    public static Dictionary<string, object?> Describe(KnowledgePoint point) => new()
    {
        ["sequence"] = point.Sequence,
        ["recordedAt"] = point.RecordedAt,
    };
}
