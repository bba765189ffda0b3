using GraphQL.Types;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Description = "The public source an event cites.";
        Field(s => s.Title);
        Field(s => s.Publisher);
        Field(s => s.Url, nullable: true);
        Field<DateGraphType>("publishedAt").Resolve(ctx => ctx.Source.PublishedAt);
    }
}

public sealed class EventRecordType : ObjectGraphType<ProvenanceEvent>
{
    public EventRecordType()
    {
        Name = "Event";
        Description = "A stored event that asserted a fact, with its source; a retracted event names its retraction.";
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<DateGraphType>>("effectiveDate").Resolve(ctx => ctx.Source.EffectiveDate);
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<SourceType>>("source").Resolve(ctx => ctx.Source.Source);
        Field<StringGraphType>("retractedBy").Resolve(ctx => ctx.Source.RetractedBy);
    }
}
