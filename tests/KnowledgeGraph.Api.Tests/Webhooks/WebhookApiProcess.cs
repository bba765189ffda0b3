using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>The built API run as its own process, so that it can be killed like a crashed server.</summary>
internal sealed class WebhookApiProcess : IDisposable
{
    private readonly Process _process;

    private WebhookApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the API and waits until it answers /health.</summary>
    public static async Task<WebhookApiProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        info.Environment["KG_POSTGRES"] = connectionString;
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new WebhookApiProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        await api.UntilHealthyAsync();
        return api;
    }

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
    }

    private async Task UntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await HealthPolling.HealthAsync(client, TestContext.Current.CancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }
}
