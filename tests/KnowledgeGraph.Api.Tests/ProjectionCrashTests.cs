using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Crash safety: the API process is killed while it projects, between batches, and started again; the graph it ends
/// with is exactly the graph of an uninterrupted rebuild, compared as a full dump; so is the graph after kg rebuild.
/// </summary>
public class ProjectionCrashTests
{
    [Fact]
    public async Task Projection_KilledMidway_AndRestarted_EndsWithTheGraphOfAnUninterruptedRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var crashed = await TestDatabase.CreateAsync();
        int stored;
        await using (var store = crashed.CreateStore())
        {
            var summary = await new Importer(store, crashed.ConnectionString)
                .ImportAsync(JsonLinesSource.Read(JsonLinesSource.Files(RepositoryPaths.GraphSeed)), ct: ct);
            Assert.Empty(summary.Rejections);
            stored = summary.Stored;
        }

        long projectedAtKill;
        using (var first = ApiProcess.Start(crashed.ConnectionString, batchSize: 3))
        {
            projectedAtKill = await first.WaitForProgressThenKillAsync(ct);
        }
        using (var second = ApiProcess.Start(crashed.ConnectionString, batchSize: 3))
        {
            await HealthPolling.UntilProjectedAsync(second.Client, ct, seconds: 120);
            second.Kill();
        }
        var (writer, _, dataSource) = GraphFixture.Postgres(crashed);
        await using var __ = dataSource;
        var afterCrash = await writer.DumpAsync(ct);

        await using var reference = await TestDatabase.CreateAsync();
        var (referenceWriter, _, referenceSource) = GraphFixture.Postgres(reference);
        await using var ___ = referenceSource;
        await GraphFixture.ImportAndProjectAsync(reference, referenceWriter, RepositoryPaths.GraphSeed);
        var uninterrupted = await referenceWriter.DumpAsync(ct);

        var rebuild = await KgProcess.RunAsync(crashed.ConnectionString, "rebuild");
        var rebuilt = await writer.DumpAsync(ct);

        Assert.InRange(projectedAtKill, 1, stored - 1);
        Assert.Equal(uninterrupted, afterCrash);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains($"{stored} events projected", rebuild.Output);
        Assert.Equal(uninterrupted, rebuilt);
    }

    /// <summary>The built API run as its own process, so that it can be killed like a crashed server.</summary>
    private sealed class ApiProcess : IDisposable
    {
        private readonly Process _process;

        private ApiProcess(Process process, Uri address)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = address };
        }

        public HttpClient Client { get; }

        public static ApiProcess Start(string connectionString, int batchSize)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
            info.Environment["KG_POSTGRES"] = connectionString;
            info.Environment["KG_PROJECTION_BATCH"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }

        /// <summary>Kills the process as soon as it has projected something but not everything; returns how far it got.</summary>
        public async Task<long> WaitForProgressThenKillAsync(CancellationToken ct)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var health = await HealthPolling.HealthAsync(Client, ct);
                    var projected = health.GetProperty("lastProjectedSequence").GetInt64();
                    if (projected > 0)
                    {
                        Kill();
                        return projected;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(20, ct);
            }
            Kill();
            throw new TimeoutException("the API projected nothing within 60 s");
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
            Client.Dispose();
        }
    }
}
