using System.Runtime.InteropServices;
using System.Text.Json;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// Checks a <c>data</c> object against the constructor of its event record before it is deserialized, so that
/// every missing, unknown or mistyped field is reported at once rather than the first one only.
/// </summary>
internal static class DataShape
{
    private sealed record Field(string Name, string Path, Type Type, bool Required);

    private static readonly Dictionary<Type, IReadOnlyList<Field>> FieldsByType = [];

    public static IReadOnlyList<Problem> Check(Type eventType, JsonElement data)
    {
        var fields = FieldsOf(eventType);
        List<Problem>? problems = null;
        var present = 0;
        foreach (var field in fields)
        {
            if (!data.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                present += value.ValueKind == JsonValueKind.Null ? 1 : 0;
                if (field.Required)
                {
                    (problems ??= []).Add(new Problem(field.Path, "is required"));
                }
                continue;
            }
            present++;
            if (TypeProblem(field.Type, value) is { } reason)
            {
                (problems ??= []).Add(new Problem(field.Path, reason));
            }
        }
        if (present < data.GetPropertyCount())
        {
            var unknown = new List<Problem>();
            AddUnknownFields(data, fields.Select(f => f.Name).ToList(), "data.", unknown);
            problems = [.. unknown, .. problems ?? []];
        }
        return problems ?? [];
    }

    /// <summary>
    /// Reports the keys of the object that are not among the known names. Keys are unique (the text check refuses
    /// duplicates), so when every key is known the keys are not listed at all.
    /// </summary>
    internal static void AddUnknownFields(JsonElement obj, IReadOnlyList<string> known, string prefix, List<Problem> problems)
    {
        var present = 0;
        foreach (var name in known)
        {
            present += obj.TryGetProperty(name, out _) ? 1 : 0;
        }
        if (present == obj.GetPropertyCount())
        {
            return;
        }
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problems.Add(new Problem(prefix + property.Name, "unknown field"));
            }
        }
    }

    private static string? TypeProblem(Type type, JsonElement value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return value.ValueKind != JsonValueKind.String ? "must be a string"
                : IsBlank(value) ? "must not be empty" : null;
        }
        if (underlying == typeof(decimal))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _) ? null : "must be a number";
        }
        if (underlying == typeof(DateOnly))
        {
            return value.ValueKind == JsonValueKind.String && Dates.TryParse(value.GetString(), out _)
                ? null : "must be a date (yyyy-mm-dd)";
        }
        if (underlying == typeof(IReadOnlyList<string>))
        {
            return value.ValueKind == JsonValueKind.Array
                   && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !IsBlank(v))
                ? null : "must be an array of non-empty strings";
        }
        throw new InvalidOperationException($"No shape rule for {type}");
    }

    /// <summary>
    /// Whether a JSON string is empty or white space. Any printable ASCII byte other than a backslash settles it
    /// without decoding the string; only text made of spaces, escapes or non-ASCII is decoded.
    /// </summary>
    internal static bool IsBlank(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        var settled = !raw.Contains((byte)'\\') && raw.IndexOfAnyInRange((byte)0x21, (byte)0x7E) >= 0;
        return !settled && string.IsNullOrWhiteSpace(value.GetString());
    }

    private static IReadOnlyList<Field> FieldsOf(Type eventType)
    {
        lock (FieldsByType)
        {
            if (!FieldsByType.TryGetValue(eventType, out var fields))
            {
                var constructor = eventType.GetConstructors().Single();
                fields = constructor.GetParameters()
                    .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!))
                    .Zip(constructor.GetParameters(), (name, p) => new Field(name, $"data.{name}", p.ParameterType, !p.HasDefaultValue))
                    .ToList();
                FieldsByType[eventType] = fields;
            }
            return fields;
        }
    }
}
