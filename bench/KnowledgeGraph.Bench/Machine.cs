using System.Runtime.InteropServices;

namespace KnowledgeGraph.Bench;

/// <summary>What the figures were measured on, written at the top of every result file.</summary>
public sealed record Machine(int Cores, string Cpu, string Memory, string Os, string Dotnet, string Postgres)
{
    public static Machine Describe(string postgresVersion) => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ProcLine("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kib)
            ? $"{kib / 1024.0 / 1024:0.#} GiB" : "unknown",
        OsName(),
        RuntimeInformation.FrameworkDescription,
        postgresVersion);

    /// <summary>The 1, 5 and 15 minute load averages now (Linux), or null: the machine may be shared.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    public string Describe() => $"{Cores} cores ({Cpu}), {Memory} memory, {Os}, {Dotnet}, {Postgres}";

    private static string OsName()
    {
        var release = "/etc/os-release";
        var pretty = File.Exists(release)
            ? File.ReadLines(release).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return $"{pretty ?? RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
    }

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
