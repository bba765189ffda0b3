using Spectre.Console;

namespace KnowledgeGraph.Cli;

/// <summary>A progress bar on a terminal; on a pipe or a log, a line every tenth of the way for long work.</summary>
internal static class Progress
{
    private const int LongWork = 5_000;

    public static async Task<T> RunAsync<T>(string title, int total, Func<IProgress<int>, Task<T>> work)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: Math.Max(total, 1));
                    return await work(new Progress<int>(done => task.Value = done));
                });
        }
        var step = Math.Max(total / 10, 1);
        return await work(new SynchronousProgress(done =>
        {
            if (total >= LongWork && done % step == 0)
            {
                Console.Error.WriteLine($"{title}: {done}/{total} lines");
            }
        }));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
