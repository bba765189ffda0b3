using System.Diagnostics;

namespace KnowledgeGraph.Testing;

public sealed record CliResult(int ExitCode, string Output, string Errors);

/// <summary>Runs the real <c>kg</c> program (built next to the tests) as a separate process.</summary>
public static class KgProcess
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kg.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await errors);
    }

    public static Task<CliResult> RunAsync(string connectionString, params string[] arguments) =>
        RunAsync(new Dictionary<string, string?> { ["KG_POSTGRES"] = connectionString }, arguments);
}
