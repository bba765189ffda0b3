using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL.KnowledgeQueries;

/// <summary>A question's answer pinned to a world date and a knowledge point, with a link that asks it again there.</summary>
public sealed record Citation(string Permalink, string Text, DateOnly AsOf, KnowledgePoint Knowledge, string Query, string Variables, IReadOnlyList<GraphNode> Firms);

internal static class CitationFields
{
    public static void AddCitationQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<CitationType>>("citation")
            .Description("A citation of a question's answer: it pins asOf (today when the question has none) and the knowledge point, so its permalink gives the same answer whatever is recorded later.")
            .Argument<NonNullGraphType<StandingQuestionInputType>>("question")
            .KnowledgeArguments()
            .ResolveAsync(async ctx =>
            {
                var question = StandingQuestionInputType.From(ctx.GetArgument<Dictionary<string, object?>>("question"));
                var graph = ctx.RequestServices!.GetRequiredService<IGraphReader>();
                var point = await graph.KnowledgeAsync(ctx.Knowledge(), ctx.CancellationToken);
                var today = Today.Of(ctx.RequestServices!);
                var asOf = question.AsOf(today);
                var firms = await question.AnswerAsync(graph.KnownAt(new Knowledge(point.Sequence)), today, ctx.CancellationToken);
                var (text, variables) = StandingQuestionInputType.Pinned(question, asOf, point.Sequence);
                var permalink = $"/graphql?query={Uri.EscapeDataString(text)}&variables={Uri.EscapeDataString(variables)}";
                var recorded = point.RecordedAt is { } at ? $" ({at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})" : "";
                var listed = firms.Count == 0 ? "none" : string.Join(", ", firms.Select(f => f.Caption));
                return new Citation(permalink,
                    $"{StandingQuestionInputType.Describe(question, asOf)}, as recorded up to event {point.Sequence}{recorded}: {listed}. KnowledgeGraph, {permalink}",
                    asOf, point, text, variables, firms);
            });
}

public sealed class KnowledgePointType : ObjectGraphType<KnowledgePoint>
{
    public KnowledgePointType()
    {
        Name = "KnowledgePoint";
        Description = "The events stored up to a sequence: what was known then.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(ctx => ctx.Source.Sequence);
        Field<DateTimeGraphType>("recordedAt").Description("When the event of that sequence was recorded.").Resolve(ctx => ctx.Source.RecordedAt?.UtcDateTime);
    }
}

public sealed class CitationType : ObjectGraphType<Citation>
{
    public CitationType()
    {
        Name = "Citation";
        Field<NonNullGraphType<StringGraphType>>("permalink").Description("A GET of /graphql, on this server, that asks the question again at asOf and the knowledge point.").Resolve(ctx => ctx.Source.Permalink);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The citation in words: the question, asOf, the knowledge point, the firms listed and the permalink.").Resolve(ctx => ctx.Source.Text);
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<KnowledgePointType>>("knowledge").Resolve(ctx => ctx.Source.Knowledge);
        Field<NonNullGraphType<StringGraphType>>("query").Description("The query the permalink runs.").Resolve(ctx => ctx.Source.Query);
        Field<NonNullGraphType<StringGraphType>>("variables").Description("Its variables, as JSON.").Resolve(ctx => ctx.Source.Variables);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("firms").Description("The firms the answer lists, by id.").Resolve(ctx => ctx.Source.Firms);
    }
}
