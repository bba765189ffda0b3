using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>Registering, listing and deleting webhooks: API key required, URLs checked, secrets never shown.</summary>
public sealed class WebhookRegistrationTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Register = """
        mutation ($url: String!) { registerWebhook(url: $url, secret: "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", filter: { countries: ["DE"] }) { id url filter { countries kinds } cursor pending } }
        """;

    private ApiServer<Program> _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("""mutation { registerWebhook(url: "https://example.org/hook", secret: "s") { id } }""")]
    [InlineData("""mutation { deleteWebhook(id: "00000000-0000-0000-0000-000000000001") }""")]
    [InlineData("""mutation { replayDeadLetter(id: "00000000-0000-0000-0000-000000000001") }""")]
    [InlineData("{ webhooks { id } }")]
    [InlineData("{ deadLetters { id } }")]
    public async Task WebhookFields_WithoutAnApiKey_AreRefused(string query)
    {
        using var anonymous = new WebhookApi(_server.BaseAddress, apiKey: null);

        var answer = await anonymous.SendAsync(query);

        Assert.Equal("UNAUTHENTICATED", answer.FirstErrorCode);
        Assert.Contains("API key", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/hook")]
    [InlineData("ftp://example.org/hook")]
    [InlineData("mailto:ops@example.org")]
    public async Task RegisterWebhook_WithABadUrl_SaysTheUrlMustBeAbsoluteHttp(string url)
    {
        using var api = new WebhookApi(_server.BaseAddress);

        var answer = await api.SendAsync(Register, new { url });

        Assert.Equal("BAD_USER_INPUT", answer.FirstErrorCode);
        Assert.Contains("is not an absolute http or https URL", answer.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("url", answer.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("a plain password", "secret", "Standard Webhooks secret")]
    [InlineData("whsec_c2hvcnQ=", "secret", "24 to 64 random bytes")]
    [InlineData(WebhookSettingsForTests.Secret, "filter.countries", "'zz' is not an ISO 3166-1 alpha-2 code")]
    public async Task RegisterWebhook_WithABadSecretOrAFilterThatCouldNeverMatch_IsRefusedNamingIt(string secret, string field, string reason)
    {
        using var api = new WebhookApi(_server.BaseAddress);

        var answer = await api.SendAsync("""
            mutation ($secret: String!) { registerWebhook(url: "https://example.org/hook", secret: $secret, filter: { countries: ["zz"] }) { id } }
            """.Replace("[\"zz\"]", field == "filter.countries" ? "[\"zz\"]" : "[\"DE\"]", StringComparison.Ordinal), new { secret });

        Assert.Equal("BAD_USER_INPUT", answer.FirstErrorCode);
        Assert.Contains(reason, answer.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(field, answer.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task ARegisteredWebhook_IsListedWithItsFilter_NeverWithItsSecret_AndCanBeDeletedOnce()
    {
        using var api = new WebhookApi(_server.BaseAddress);

        var registered = await api.SendAsync(Register, new { url = "http://127.0.0.1:9/hook" });
        var id = registered.Body.GetProperty("data").GetProperty("registerWebhook").GetProperty("id").GetString();
        var listed = await api.SendAsync("{ webhooks { id url filter { countries kinds } } }");
        var deleted = await api.SendAsync("mutation ($id: ID!) { deleteWebhook(id: $id) }", new { id });
        var deletedAgain = await api.SendAsync("mutation ($id: ID!) { deleteWebhook(id: $id) }", new { id });
        var afterwards = await api.WebhooksAsync();

        var webhook = listed.Body.GetProperty("data").GetProperty("webhooks").EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.Equal("http://127.0.0.1:9/hook", webhook.GetProperty("url").GetString());
        Assert.Equal("DE", webhook.GetProperty("filter").GetProperty("countries")[0].GetString());
        Assert.DoesNotContain("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", registered.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", listed.Body.ToString(), StringComparison.Ordinal);
        Assert.True(deleted.Body.GetProperty("data").GetProperty("deleteWebhook").GetBoolean());
        Assert.False(deletedAgain.Body.GetProperty("data").GetProperty("deleteWebhook").GetBoolean());
        Assert.DoesNotContain(afterwards.EnumerateArray(), w => w.GetProperty("id").GetString() == id);
    }
}
