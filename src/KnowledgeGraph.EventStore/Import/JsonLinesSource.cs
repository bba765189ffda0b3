using System.Text;

namespace KnowledgeGraph.EventStore.Import;

/// <summary>
/// One line of an input file, numbered from 1 as editors show it. <paramref name="Unreadable"/> says why its bytes
/// are not text (then <paramref name="Text"/> is empty).
/// </summary>
public sealed record InputLine(string File, int Number, string Text, string? Unreadable = null);

/// <summary>The lines of a JSON Lines file, or of a folder's <c>*.jsonl</c> files in name order.</summary>
public static class JsonLinesSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

    /// <summary>Every non-blank line; blank lines carry no event and are skipped. Bytes that are not UTF-8 make their line unreadable, not the file.</summary>
    public static IEnumerable<InputLine> Read(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var number = 0;
            foreach (var bytes in Lines(file))
            {
                number++;
                var line = Decode(file, number, bytes);
                if (!string.IsNullOrWhiteSpace(line.Text) || line.Unreadable is not null)
                {
                    yield return line;
                }
            }
        }
    }

    private static InputLine Decode(string file, int number, ArraySegment<byte> bytes)
    {
        try
        {
            return new InputLine(file, number, StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            return new InputLine(file, number, "", $"holds bytes that are not UTF-8 (at byte {e.Index + 1})");
        }
    }

    public static int CountLines(IEnumerable<string> files) =>
        files.Sum(file => File.ReadLines(file).Count(line => !string.IsNullOrWhiteSpace(line)));

    /// <summary>The bytes of each line, without its line break and without a leading byte order mark.</summary>
    private static IEnumerable<ArraySegment<byte>> Lines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        var first = true;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline < 0)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    (end, start) = (end - start, 0);
                }
                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0)
                {
                    end += read;
                    continue;
                }
                if (end == start)
                {
                    yield break;
                }
                newline = end;
            }
            var from = start;
            if (first && newline - from >= 3 && buffer[from] == 0xEF && buffer[from + 1] == 0xBB && buffer[from + 2] == 0xBF)
            {
                from += 3;
            }
            first = false;
            var to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
            yield return new ArraySegment<byte>(buffer, from, to - from);
            start = Math.Min(newline + 1, end);
        }
    }
}
