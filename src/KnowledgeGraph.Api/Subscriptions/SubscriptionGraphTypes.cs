using GraphQL.Types;

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

    public static DealFilter From(Dictionary<string, object?>? input) => input is null ? new DealFilter() : new DealFilter(
        List(input, "kinds"), List(input, "products"), List(input, "countries"), List(input, "blocs"), List(input, "parties"));

    private static List<string>? List(Dictionary<string, object?> input, string key) =>
        input.GetValueOrDefault(key) is IEnumerable<object?> values ? values.OfType<string>().ToList() : null;
}
