using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>
/// A question without asOf answers for today, and today is the API's clock: set by hand here, the same question's
/// answer follows it over the scenario's dates (the expected firms are those of AnalysisQueryTests for the same dates).
/// </summary>
public sealed class RollingAsOfTests : IAsyncLifetime
{
    private const string Question = """
        { firmsLackingSupplier(product: "ndfeb-magnet", bloc: "NATO", excludeSupplierCountries: ["CN"]) { nodes { organization { id } } } }
        """;

    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private ApiServer<Program> _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var store = _database.CreateStore())
        {
            var summary = await new Importer(store, _database.ConnectionString)
                .ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile("supply-chain.jsonl")]));
            Assert.Empty(summary.Rejections);
        }
        _server = new ApiServer<Program>(_database.ConnectionString, services: s => s.AddSingleton<TimeProvider>(_clock));
        _client = _server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(_client, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AQuestionWithoutAsOf_FollowsToday_AsTheClockMoves()
    {
        var beforeSwedenJoinedNato = await FirmsAsync();
        _clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var afterVolvosAgreementEnded = await FirmsAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var afterVacsAgreementWithGmStarted = await FirmsAsync();

        Assert.Equal("gm,lockheed", beforeSwedenJoinedNato);
        Assert.Equal("gm,lockheed,volvo-cars", afterVolvosAgreementEnded);
        Assert.Equal("lockheed,volvo-cars", afterVacsAgreementWithGmStarted);
    }

    private async Task<string> FirmsAsync()
    {
        var answer = await _client.PostGraphQLAsync(new { query = Question });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return string.Join(",", answer.Body.GetProperty("data").GetProperty("firmsLackingSupplier").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("organization").GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }
}
