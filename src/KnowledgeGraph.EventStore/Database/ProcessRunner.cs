using System.Diagnostics;

namespace KnowledgeGraph.EventStore.Database;

internal static class ProcessRunner
{
    /// <summary>Runs a program to its end; a non-zero exit throws with what it printed.</summary>
    public static Task<string> RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct) =>
        RunAsync([file, .. arguments], ct);

    public static async Task<string> RunAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        var info = StartInfo(command);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', command)} failed with exit code {process.ExitCode}:\n{output.Trim()}");
        }
        return output;
    }

    public static async Task<int> ExitCodeAsync(IReadOnlyList<string> command, CancellationToken ct)
    {
        using var process = Process.Start(StartInfo(command)) ?? throw new InvalidOperationException($"could not start {command[0]}");
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(ct), process.StandardError.ReadToEndAsync(ct));
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }
}
