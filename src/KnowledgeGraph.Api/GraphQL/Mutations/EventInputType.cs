using System.Text.Json;
using GraphQL;
using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Mutations;

/// <summary>
/// The input of one event type: the envelope (id, effectiveDate, source) and the fields of the event's data, made
/// from the event record's constructor so that the mutation and the import format can never disagree.
/// </summary>
[DoNotRegister] // one instance per event type, made by MutationType: not a service
public sealed class EventInputType : InputObjectGraphType
{
    public EventInputType(Type eventType)
    {
        Name = $"{eventType.Name}Input";
        Description = $"A {eventType.Name} event, as one line of the import format.";
        Field<StringGraphType>("id").Description("The event id (idempotency key); generated when omitted.");
        Field<NonNullGraphType<DateGraphType>>("effectiveDate").Description("When it took effect in the world.");
        Field<NonNullGraphType<SourceInputType>>("source");
        foreach (var parameter in eventType.GetConstructors().Single().GetParameters())
        {
            AddField(new FieldType
            {
                Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!),
                Type = GraphTypeOf(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType, required: !parameter.HasDefaultValue),
            });
        }
    }

    private static Type GraphTypeOf(Type type, bool required)
    {
        var graphType = type == typeof(string) ? typeof(StringGraphType)
            : type == typeof(decimal) ? typeof(DecimalGraphType)
            : type == typeof(DateOnly) ? typeof(DateGraphType)
            : type == typeof(IReadOnlyList<string>) ? typeof(ListGraphType<NonNullGraphType<StringGraphType>>)
            : throw new InvalidOperationException($"No GraphQL input type for {type}");
        return required ? typeof(NonNullGraphType<>).MakeGenericType(graphType) : graphType;
    }
}

public sealed class SourceInputType : InputObjectGraphType
{
    public SourceInputType()
    {
        Name = "SourceInput";
        Description = "The public source the event cites.";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<StringGraphType>>("publisher");
        Field<StringGraphType>("url").Description("Absolute http(s) URL.");
        Field<DateGraphType>("publishedAt");
    }
}

public sealed record MutationOutcome(string? EventId, bool Stored, bool Unchanged, IReadOnlyList<(string Field, string Message)> Errors);

public sealed class MutationResultType : ObjectGraphType<MutationOutcome>
{
    public MutationResultType()
    {
        Name = "MutationResult";
        Description = "The stored event's id, or every problem found, field by field; nothing is stored when there is one.";
        Field<StringGraphType>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<BooleanGraphType>>("stored").Description("True when the event was stored now.").Resolve(ctx => ctx.Source.Stored);
        Field<NonNullGraphType<BooleanGraphType>>("unchanged").Description("True when the same event was already stored (an idempotent retry).").Resolve(ctx => ctx.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class FieldErrorType : ObjectGraphType<(string Field, string Message)>
{
    public FieldErrorType()
    {
        Name = "FieldError";
        Field<NonNullGraphType<StringGraphType>>("field").Description("A path in the import format, such as data.supplierId.").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
    }
}
