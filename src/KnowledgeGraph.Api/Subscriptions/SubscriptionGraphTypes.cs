using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.Subscriptions;

public sealed class DealRecordedType : ObjectGraphType<DealRecorded>
{
    public DealRecordedType()
    {
        Name = "DealRecorded";
        Description = "An event that made or changed a deal, and the deal as the graph holds it.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The event's position in the store: resume after it with afterSequence.").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(ctx => ctx.Source.EventType);
        Field<NonNullGraphType<GraphQL.DealType>>("deal").Resolve(ctx => ctx.Source.Deal);
    }
}

public sealed class AnswerChangedType : ObjectGraphType<AnswerChanged>
{
    public AnswerChangedType()
    {
        Name = "AnswerChanged";
        Description = "A stored event that changed the answer to a standing question.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The event's position in the store, the knowledge point of the answer: resume after it with afterSequence.").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerFirmType>>>>("added").Description("Firms the answer lists now and did not before.").Resolve(ctx => ctx.Source.Added);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerFirmType>>>>("removed").Description("Firms it listed before and no longer does.").Resolve(ctx => ctx.Source.Removed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerFirmType>>>>("answer").Description("Every firm it lists after the event, by id.").Resolve(ctx => ctx.Source.Answer);
    }
}

public sealed class AnswerFirmType : ObjectGraphType<Graph.Model.GraphNode>
{
    public AnswerFirmType()
    {
        Name = "AnswerFirm";
        Description = "A firm as a standing question's answer lists it, as known at the answer's sequence.";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Caption);
        Field<StringGraphType>("country").Resolve(ctx => (ctx.Source as Graph.Model.Organization)?.Country);
    }
}

public sealed class EventRecordedType : ObjectGraphType<StoredEvent>
{
    public EventRecordedType()
    {
        Name = "EventRecorded";
        Description = "A stored event, raw.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Its position in the store: resume after it with afterSequence.").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(ctx => ctx.Source.EventType);
        Field<NonNullGraphType<GraphQL.DateGraphType>>("effectiveDate").Resolve(ctx => ctx.Source.EffectiveDate);
        Field<NonNullGraphType<StringGraphType>>("data").Description("The event's data, as a JSON string.").Resolve(ctx => ctx.Source.Data);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Its source, as a JSON string.").Resolve(ctx => ctx.Source.Source);
    }
}

public sealed class DealFilterInputType : InputObjectGraphType
{
    public DealFilterInputType()
    {
        Name = "DealFilter";
        Description = "Each list given must match one of its values; all lists given must match.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("kinds").Description("investment, partnership, supply.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("products").Description("Product codes or categories.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("countries").Description("Countries of a party (ISO 3166-1 alpha-2).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("blocs").Description("Blocs a party's country belongs to today.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("parties").Description("Organization ids of a party.");
    }

    private static readonly IReadOnlySet<string> Kinds = new HashSet<string>(["investment", "partnership", "supply"], StringComparer.Ordinal);

    /// <summary>The filter, each value checked like a query argument: a value that could never match is an error, never silence.</summary>
    public static DealFilter From(Dictionary<string, object?>? input) => input is null ? new DealFilter() : new DealFilter(
        List(input, "kinds", Kinds.Contains, "one of investment, partnership, supply"),
        List(input, "products", Products.IsProductOrCategory, "a product or a category, e.g. ndfeb-magnet or magnet"),
        List(input, "countries", Countries.IsKnown, "an ISO 3166-1 alpha-2 code in capitals, e.g. SE"),
        List(input, "blocs", Vocabularies.Blocs.Contains, $"one of {string.Join(", ", Vocabularies.Blocs)}"),
        List(input, "parties", _ => true, ""));

    private static List<string>? List(Dictionary<string, object?> input, string key, Func<string, bool> known, string expected)
    {
        if (input.GetValueOrDefault(key) is not IEnumerable<object?> values)
        {
            return null;
        }
        var list = values.OfType<string>().ToList();
        return list.FirstOrDefault(v => !known(v)) is { } unknown
            ? throw new QueryInputException($"filter.{key}", $"'{unknown}' is not {expected}")
            : list;
    }
}
