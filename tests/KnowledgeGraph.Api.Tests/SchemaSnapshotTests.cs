using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The public schema does not change by accident: the SDL served at /graphql/schema.graphql must equal the snapshot
/// in Snapshots/schema.graphql. After an intended change, copy the .received file the failure names over the snapshot.
/// </summary>
public class SchemaSnapshotTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task ServedSchema_EqualsTheSnapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        var snapshot = Path.Combine(RepositoryPaths.Root, "tests", "KnowledgeGraph.Api.Tests", "Snapshots", "schema.graphql");

        var served = (await client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), ct)).ReplaceLineEndings("\n");
        var expected = File.Exists(snapshot) ? (await File.ReadAllTextAsync(snapshot, ct)).ReplaceLineEndings("\n") : "";

        if (served != expected)
        {
            var received = Path.ChangeExtension(snapshot, ".received.graphql");
            await File.WriteAllTextAsync(received, served, ct);
            Assert.Fail($"The served schema differs from {snapshot}; the served one is in {received}. If the change is intended, copy it over the snapshot.");
        }
    }
}
