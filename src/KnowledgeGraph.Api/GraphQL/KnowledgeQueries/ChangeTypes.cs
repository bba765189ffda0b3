using GraphQL.Types;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL.KnowledgeQueries;

public sealed class ChangePointInputType : InputObjectGraphType
{
    public ChangePointInputType()
    {
        Name = "ChangePoint";
        Description = "Exactly one of: a world date, or a knowledge point (knownAt or knownAtSequence).";
        Field<DateGraphType>("date");
        Field<DateTimeGraphType>("knownAt").Description("The events recorded up to this instant.");
        Field<LongGraphType>("knownAtSequence").Description("The events stored up to this sequence.");
    }
}

public sealed class ChangeKindType : EnumerationGraphType
{
    public ChangeKindType()
    {
        Name = "ChangeKind";
        Add("APPEARED", "APPEARED", "A relationship or a node that was not there (not yet recorded, or not yet valid).");
        Add("ENDED", "ENDED", "A relationship that came to an end (or was no longer recorded, without a retraction).");
        Add("CHANGED", "CHANGED", "A relationship or a node whose attributes changed: see attributes.");
        Add("RETRACTED", "RETRACTED", "Recorded at the first point, retracted by the second.");
    }
}

public sealed class ChangeType : ObjectGraphType<GraphChange>
{
    public ChangeType()
    {
        Name = "Change";
        Field<NonNullGraphType<ChangeKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<RelationshipType>("relationship").Description("The relationship version as it is after the change (before it, when it ended or was retracted).").Resolve(ctx => ctx.Source.Relationship);
        Field<NodeInterface>("node").Description("The node, when its attributes changed, it appeared or it was retracted.").Resolve(ctx => ctx.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("attributes").Description("What a CHANGED change changed.").Resolve(ctx => ctx.Source.Attributes);
        Field<DateGraphType>("date").Description("The world date of the change.").Resolve(ctx => ctx.Source.Date);
        Field<EventRecordType>("event").Description("The event that made the change, with its source.").Resolve(ctx => ctx.Source.Event);
    }
}
