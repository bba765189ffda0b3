using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeGraph.Bench.Load;

/// <summary>A server under load, started as its own process on a free loopback port, stopped when disposed.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static ServerProcess Start(string dll, Func<Uri, IEnumerable<string>> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var variables = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        var process = Process.Start(ChildProcess.Dotnet(dll, arguments(address), variables))
            ?? throw new InvalidOperationException($"could not start {dll}");
        return new ServerProcess(process, address);
    }

    /// <summary>Waits until <paramref name="ready"/> says yes, failing with the server's last lines if it exits or takes too long.</summary>
    public async Task WaitAsync(Func<HttpClient, Task<bool>> ready, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}: {LastLines()}");
            }
            try
            {
                if (await ready(http))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the server at {Address} was not ready within {limit}: {LastLines()}");
    }

    /// <summary>Starts the peak-memory mark again (Linux: writing 5 to clear_refs resets VmHWM); false when not possible.</summary>
    public bool ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public double? PeakResidentMiB() => ChildProcess.PeakResidentMiB(_process.Id);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
