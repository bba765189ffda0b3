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
        return await ChildProcess.RunAsync(info, TimeSpan.FromMinutes(5));
    }
}
