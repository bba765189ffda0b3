using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

public class ConformanceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Endpoint_PassesEveryGraphQLOverHttpAuditOfGraphqlHttp_WithoutAWarning()
    {
        var tool = Path.Combine(RepositoryPaths.Root, "tools", "graphql-conformance");
        BuiltByTestScript.Require(Path.Combine(tool, "node_modules", "graphql-http"), "tools/graphql-conformance's node modules");
        await using var server = new ApiServer<Program>(database.ConnectionString);

        var audit = await NodeProcess.RunAsync("node", ["audit.mjs", new Uri(server.BaseAddress, "/graphql").ToString()], tool);

        Assert.True(audit.ExitCode == 0, $"graphql-http audits:\n{audit.Output}\n{audit.Errors}");
        Assert.Contains("61 of 61 audits passed", audit.Output, StringComparison.Ordinal);
    }
}
