using System.Buffers;
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

    internal static int ListLimit(string field) => field == "aliases" ? Aliases : ListItems;
}

/// <summary>
/// Walks a parsed line once and reports, by field, every string holding a control character (other than tab and
/// newline) or a lone surrogate, every duplicated key, and every string or list over its limit.
/// </summary>
internal static class TextHygiene
{
    public static List<Problem> Check(JsonElement root)
    {
        var problems = new List<Problem>();
        Walk(root, "", "", problems);
        return problems;
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
