using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// The limits every line of the import format is held to before its meaning is read: sizes, and text that a
/// database or a reader would choke on. Documented in the README; one place for all of them.
/// </summary>
public static class InputLimits
{
    public const int LineBytes = 64 * 1024;
    public const int Text = 1_000;
    public const int Name = 300;
    public const int Url = 2_000;
    public const int ListItems = 100;
    public const int Aliases = 50;

    internal static int TextLimit(string field) => field switch
    {
        "name" or "publisher" or "aliases" => Name,
        "url" => Url,
        _ => Text,
    };

    internal static int TextLimit(ReadOnlySpan<byte> field) =>
        field.SequenceEqual("name"u8) || field.SequenceEqual("publisher"u8) || field.SequenceEqual("aliases"u8) ? Name
        : field.SequenceEqual("url"u8) ? Url
        : Text;

    internal static int ListLimit(string field) => field == "aliases" ? Aliases : ListItems;

    internal static int ListLimit(ReadOnlySpan<byte> field) => field.SequenceEqual("aliases"u8) ? Aliases : ListItems;
}

/// <summary>
/// Walks a parsed line once and reports, by field, every string holding a control character (other than tab and
/// newline) or a lone surrogate, every duplicated key, and every string or list over its limit. A line is first
/// checked on its raw UTF-8 without building a string; only a suspect one is walked again to name its problems.
/// </summary>
internal static class TextHygiene
{
    public static List<Problem> Check(JsonElement root)
    {
        var problems = new List<Problem>();
        if (!IsClean(root, default))
        {
            Walk(root, "", "", problems);
        }
        return problems;
    }

    /// <summary>Objects with more keys than this are checked for duplicates by the full walk, smaller ones here.</summary>
    private const int PairwiseKeys = 16;

    private static bool IsClean(JsonElement element, ReadOnlySpan<byte> field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var position = 0;
                foreach (var property in element.EnumerateObject())
                {
                    var name = JsonMarshal.GetRawUtf8PropertyName(property);
                    if (position++ >= PairwiseKeys || Suspect(name) || SeenBefore(element, name, position - 1)
                        || !IsClean(property.Value, name))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > InputLimits.ListLimit(field))
                {
                    return false;
                }
                foreach (var item in element.EnumerateArray())
                {
                    if (!IsClean(item, field))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.String:
                var text = JsonMarshal.GetRawUtf8Value(element)[1..^1];
                // A string has no more UTF-16 units than UTF-8 bytes.
                return !Suspect(text) && text.Length <= InputLimits.TextLimit(field);
            default:
                return true;
        }
    }

    /// <summary>
    /// Raw JSON text holds no C0 control unescaped; the C1 controls and DEL are the bytes C2 80-9F and 7F; a lone
    /// surrogate needs a backslash escape. Text with none of these bytes is clean.
    /// </summary>
    private static bool Suspect(ReadOnlySpan<byte> raw) => raw.IndexOfAny((byte)'\\', (byte)0x7F, (byte)0xC2) >= 0;

    private static bool SeenBefore(JsonElement element, ReadOnlySpan<byte> name, int position)
    {
        var index = 0;
        foreach (var earlier in element.EnumerateObject())
        {
            if (index++ == position)
            {
                return false;
            }
            if (JsonMarshal.GetRawUtf8PropertyName(earlier).SequenceEqual(name))
            {
                return true;
            }
        }
        return false;
    }

    private static void Walk(JsonElement element, string path, string field, List<Problem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (Text(property, out var name) is { } bad)
                    {
                        problems.Add(new Problem(path, $"a key {bad}"));
                        continue;
                    }
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (!seen.Add(name))
                    {
                        problems.Add(new Problem(child, "duplicated key"));
                    }
                    Walk(property.Value, child, name, problems);
                }
                break;
            case JsonValueKind.Array:
                var count = element.GetArrayLength();
                if (count > InputLimits.ListLimit(field))
                {
                    problems.Add(new Problem(path, $"has {count} items, more than the limit of {InputLimits.ListLimit(field)}"));
                    break;
                }
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", field, problems);
                }
                break;
            case JsonValueKind.String:
                if (Text(element, out var text) is { } problem)
                {
                    problems.Add(new Problem(path, problem));
                }
                else if (text.Length > InputLimits.TextLimit(field))
                {
                    problems.Add(new Problem(path, $"is {text.Length} characters long, more than the limit of {InputLimits.TextLimit(field)}"));
                }
                break;
        }
    }

    private static string? Text(JsonProperty property, out string text)
    {
        try
        {
            text = property.Name;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return LoneSurrogate;
        }
        return ControlCharacter(text);
    }

    private static string? Text(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn an escaped lone surrogate (\ud800) into a string.
            text = "";
            return LoneSurrogate;
        }
        return ControlCharacter(text);
    }

    private const string LoneSurrogate = "contains a lone surrogate (an unpaired \\ud800-\\udfff escape)";

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not '\t' and not '\n').ToArray());

    private static string? ControlCharacter(string text) =>
        text.AsSpan().IndexOfAny(Controls) is var at and >= 0 ? $"contains the control character U+{(int)text[at]:X4}" : null;
}
