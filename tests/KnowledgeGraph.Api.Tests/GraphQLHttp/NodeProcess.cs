using System.Diagnostics;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>Runs a tool of the web side (node, npm, a script) to its end, capturing what it printed.</summary>
public static class NodeProcess
{
    public static async Task<CliResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await errors);
    }
}
