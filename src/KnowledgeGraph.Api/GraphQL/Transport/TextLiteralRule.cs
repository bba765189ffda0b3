using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// A string literal in the query may not hold U+0000 (<c>"\u0000"</c>): no text in the graph can hold it, so it is
/// bad input, refused before the question runs (the request reader checks the variables the same way).
/// </summary>
internal sealed class TextLiteralRule : ValidationRuleBase
{
    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLStringValue>((literal, context) =>
    {
        if (literal.Value.Span.Contains('\0'))
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                "A string in the query contains the character U+0000, which no text in the graph can hold; remove it", literal)
            {
                Code = ResolverErrors.BadUserInput,
            });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
