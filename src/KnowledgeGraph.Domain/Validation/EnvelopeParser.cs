using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>The result of reading one line: an envelope, or every problem found in it.</summary>
public sealed record ParseResult(EventEnvelope? Envelope, IReadOnlyList<Problem> Problems);

/// <summary>Reads one line of the import format into a typed envelope. Pure: no I/O, no state.</summary>
public static partial class EnvelopeParser
{
    private static readonly string[] EnvelopeFields = ["id", "type", "effectiveDate", "source", "data"];
    private static readonly string[] SourceFields = ["title", "publisher", "url", "publishedAt"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$")]
    private static partial Regex EventIdPattern();

    public static ParseResult Parse(string line)
    {
        if (line.Length > InputLimits.LineBytes / 3 && Encoding.UTF8.GetByteCount(line) > InputLimits.LineBytes)
        {
            return Failed(new Problem("", $"the line is longer than the limit of {InputLimits.LineBytes} bytes"));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Failed(new Problem("", $"not valid JSON ({FirstSentence(e.Message)})"));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failed(new Problem("", "a line must be one JSON object"));
            }
            var hygiene = TextHygiene.Check(document.RootElement);
            return hygiene.Count > 0 ? new ParseResult(null, hygiene) : Parse(document.RootElement);
        }
    }

    public static ParseResult Parse(JsonElement root)
    {
        var problems = new List<Problem>();
        DataShape.AddUnknownFields(root, EnvelopeFields, "", problems);

        var id = RequiredString(root, "id", problems);
        if (id is not null && !EventIdPattern().IsMatch(id))
        {
            problems.Add(new Problem("id", "must be 1-200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
        }

        var typeName = RequiredString(root, "type", problems);
        var type = typeName is null ? null : EventCatalog.Find(typeName);
        if (typeName is not null && type is null)
        {
            problems.Add(new Problem("type", $"unknown event type '{typeName}'"));
        }

        var effectiveDate = RequiredDate(root, "effectiveDate", "effectiveDate", problems);
        var source = ParseSource(root, problems);

        JsonElement data = default;
        if (!root.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem("data", "is required and must be an object"));
        }
        else if (type is not null)
        {
            problems.AddRange(DataShape.Check(type, data));
        }

        if (problems.Count > 0)
        {
            return new ParseResult(null, problems);
        }
        var payload = (CatalogEvent)data.Deserialize(type!, EventJson.Options)!;
        return new ParseResult(new EventEnvelope(id!, effectiveDate!.Value, source!, payload), []);
    }

    private static Source? ParseSource(JsonElement root, List<Problem> problems)
    {
        if (!root.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem("source", "is required and must be an object with title and publisher"));
            return null;
        }
        var before = problems.Count;
        DataShape.AddUnknownFields(source, SourceFields, "source.", problems);
        var title = RequiredString(source, "title", problems, "source.");
        var publisher = RequiredString(source, "publisher", problems, "source.");
        var url = OptionalString(source, "url", problems, "source.");
        if (url is not null && !IsHttpUrl(url))
        {
            problems.Add(new Problem("source.url", $"must be an absolute http(s) URL, not '{url}'"));
        }
        DateOnly? publishedAt = source.TryGetProperty("publishedAt", out var p) && p.ValueKind != JsonValueKind.Null
            ? RequiredDate(source, "publishedAt", "source.publishedAt", problems)
            : null;
        return problems.Count > before ? null : new Source(title!, publisher!, url, publishedAt);
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string? RequiredString(JsonElement parent, string name, List<Problem> problems, string prefix = "")
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new Problem(prefix + name, "is required"));
            return null;
        }
        return StringValue(value, prefix + name, problems);
    }

    private static string? OptionalString(JsonElement parent, string name, List<Problem> problems, string prefix) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? StringValue(value, prefix + name, problems)
            : null;

    private static string? StringValue(JsonElement value, string path, List<Problem> problems)
    {
        if (value.ValueKind != JsonValueKind.String || DataShape.IsBlank(value))
        {
            problems.Add(new Problem(path, "must be a non-empty string"));
            return null;
        }
        return value.GetString();
    }

    private static DateOnly? RequiredDate(JsonElement parent, string name, string path, List<Problem> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new Problem(path, "is required"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && Dates.TryParse(value.GetString(), out var date))
        {
            return date;
        }
        problems.Add(new Problem(path, $"must be a date (yyyy-mm-dd), not {value.GetRawText()}"));
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }

    private static ParseResult Failed(Problem problem) => new(null, [problem]);
}
