using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Testing;

/// <summary>The real API on a real Kestrel socket on loopback, over a test database, with the KG_* settings a test needs.</summary>
public sealed class ApiServer<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces registrations of the API (e.g. its <see cref="TimeProvider"/>), after the API's own.</param>
    public ApiServer(string connectionString, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public Uri WebSocketAddress => new($"ws://{BaseAddress.Authority}/graphql");

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("KG_POSTGRES", _connectionString);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in TestServerSettings.Defaults.Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
