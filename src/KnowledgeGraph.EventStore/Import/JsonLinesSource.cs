namespace KnowledgeGraph.EventStore.Import;

/// <summary>One line of an input file, numbered from 1 as editors show it.</summary>
public sealed record InputLine(string File, int Number, string Text);

/// <summary>The lines of a JSON Lines file, or of a folder's <c>*.jsonl</c> files in name order.</summary>
public static class JsonLinesSource
{
    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }
        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no such file or folder: {path}", path);
        }
        var files = Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new FileNotFoundException($"the folder {path} holds no *.jsonl file", path);
    }

    /// <summary>Every non-blank line; blank lines carry no event and are skipped.</summary>
    public static IEnumerable<InputLine> Read(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var number = 0;
            foreach (var text in File.ReadLines(file))
            {
                number++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    yield return new InputLine(file, number, text);
                }
            }
        }
    }

    public static int CountLines(IEnumerable<string> files) =>
        files.Sum(file => File.ReadLines(file).Count(line => !string.IsNullOrWhiteSpace(line)));
}
