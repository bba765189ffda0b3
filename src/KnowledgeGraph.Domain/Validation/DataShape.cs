using System.Reflection;
using System.Text.Json;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// Checks a <c>data</c> object against the constructor of its event record before it is deserialized, so that
/// every missing, unknown or mistyped field is reported at once rather than the first one only.
/// </summary>
internal static class DataShape
{
    private sealed record Field(string Name, Type Type, bool Required);

    private static readonly Dictionary<Type, IReadOnlyList<Field>> FieldsByType = [];

    public static IEnumerable<Problem> Check(Type eventType, JsonElement data)
    {
        var fields = FieldsOf(eventType);
        foreach (var property in data.EnumerateObject())
        {
            if (!fields.Any(f => f.Name == property.Name))
            {
                yield return new Problem($"data.{property.Name}", "unknown field");
            }
        }
        foreach (var field in fields)
        {
            var path = $"data.{field.Name}";
            if (!data.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    yield return new Problem(path, "is required");
                }
                continue;
            }
            if (TypeProblem(field.Type, value) is { } reason)
            {
                yield return new Problem(path, reason);
            }
        }
    }

    private static string? TypeProblem(Type type, JsonElement value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return value.ValueKind != JsonValueKind.String ? "must be a string"
                : string.IsNullOrWhiteSpace(value.GetString()) ? "must not be empty" : null;
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
                   && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                ? null : "must be an array of non-empty strings";
        }
        throw new InvalidOperationException($"No shape rule for {type}");
    }

    private static IReadOnlyList<Field> FieldsOf(Type eventType)
    {
        lock (FieldsByType)
        {
            if (!FieldsByType.TryGetValue(eventType, out var fields))
            {
                var constructor = eventType.GetConstructors().Single();
                fields = constructor.GetParameters()
                    .Select(p => new Field(JsonNamingPolicy.CamelCase.ConvertName(p.Name!), p.ParameterType, !p.HasDefaultValue))
                    .ToList();
                FieldsByType[eventType] = fields;
            }
            return fields;
        }
    }
}
