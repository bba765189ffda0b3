namespace KnowledgeGraph.Cli.Generate;

/// <summary>A one-line counter on a terminal's standard error, rewritten each percent; the events go to standard output.</summary>
internal sealed class TerminalProgress(int total) : IProgress<int>
{
    private int _shown = -1;

    public void Report(int value)
    {
        var percent = (int)(100L * value / total);
        if (percent != _shown)
        {
            _shown = percent;
            Console.Error.Write($"\rGenerating: {value}/{total} organizations ({percent}%)");
        }
    }

    public void Done()
    {
        if (_shown >= 0)
        {
            Console.Error.WriteLine();
        }
    }
}
