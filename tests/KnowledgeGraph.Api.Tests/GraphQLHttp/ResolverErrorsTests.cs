using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

public class ResolverErrorsTests
{
    [Fact]
    public async Task QueryInputException_BecomesABadUserInputError_NamingTheField()
    {
        var error = await FirstErrorAsync(new QueryInputException("bloc", "unknown bloc 'XX'"));

        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("bloc", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("unknown bloc 'XX'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherException_BecomesAnInternalError_WithoutItsTypeOrStackTrace()
    {
        var error = await FirstErrorAsync(new InvalidOperationException("connection string Password=secret"));
        var text = error.GetRawText();

        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'answer'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> FirstErrorAsync(Exception thrown)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("answer").Resolve(_ => throw thrown);
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = new Schema { Query = query },
            Query = "{ answer }",
            UnhandledExceptionDelegate = context =>
            {
                ResolverErrors.Handle(context);
                return Task.CompletedTask;
            },
            CancellationToken = TestContext.Current.CancellationToken,
        });
        var json = new GraphQLSerializer(new KnowledgeGraphErrorInfoProvider()).Serialize(result);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("errors")[0].Clone();
    }
}
