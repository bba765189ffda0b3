using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The built API run as its own process on a free loopback port, so that it can be killed like a crashed server.</summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts the API on the database of the connection string; without one, with neither KG_POSTGRES nor a fixed
    /// port, so that it starts its own embedded PostgreSQL in the KG_DATA_DIR the settings give.
    /// </summary>
    public static ApiProcess Start(string? connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}"));
        probe.Stop();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        if (connectionString is null)
        {
            info.Environment.Remove("KG_POSTGRES");
            info.Environment.Remove("KG_PG_PORT");
        }
        else
        {
            info.Environment["KG_POSTGRES"] = connectionString;
        }
        foreach (var (key, value) in TestServerSettings.Defaults.Concat(settings ?? new Dictionary<string, string>()))
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, address);
    }

    /// <summary>Waits until the process answers /health (and stops waiting if it has exited).</summary>
    public async Task UntilHealthyAsync() =>
        await Eventually.UntilAsync("the API process answered /health", async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the API process exited with code {_process.ExitCode} before answering /health");
            }
            await HealthPolling.HealthAsync(Client, TestContext.Current.CancellationToken);
            return true;
        }, answered => answered);

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Client.Dispose();
    }
}
