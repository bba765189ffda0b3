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
        return await ChildProcess.RunAsync(info, TimeSpan.FromMinutes(3));
    }

    public static Task<CliResult> RunAsync(string connectionString, params string[] arguments) =>
        RunAsync(new Dictionary<string, string?> { ["KG_POSTGRES"] = connectionString }, arguments);
}
