using System.Diagnostics;
using System.Globalization;

namespace KnowledgeGraph.Bench;

/// <summary>A program the benchmarks start with <c>dotnet</c>: generator, importer, API or reference server.</summary>
public static class ChildProcess
{
    public static ProcessStartInfo Dotnet(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return info;
    }

    /// <summary>Runs to the end and returns its standard output; fails with its errors when it exits non-zero.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo info, TimeSpan timeout, string? outputFile = null)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            string output;
            if (outputFile is null)
            {
                output = await process.StandardOutput.ReadToEndAsync(limit.Token);
            }
            else
            {
                await using var file = File.Create(outputFile);
                await process.StandardOutput.BaseStream.CopyToAsync(file, limit.Token);
                output = "";
            }
            await process.WaitForExitAsync(limit.Token);
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"{string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {await errors}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Peak resident memory (VmHWM in /proc/PID/status) of a running process, in MiB; null off Linux.</summary>
    public static double? PeakResidentMiB(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null
            : double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
