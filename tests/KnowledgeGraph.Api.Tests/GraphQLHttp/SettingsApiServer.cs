using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>
/// The real API on a real Kestrel socket, as <c>ApiServer</c>, with extra settings (the KG_* variables a user would
/// set), for the limits that only show with small values.
/// </summary>
public sealed class SettingsApiServer : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public SettingsApiServer(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        _connectionString = connectionString;
        _settings = settings;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("KG_POSTGRES", _connectionString);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
