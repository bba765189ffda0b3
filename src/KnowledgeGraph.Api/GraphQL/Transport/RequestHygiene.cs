using System.Text.Json;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// Checks the text of a GraphQL request before anything reads it: every string and property name must be valid
/// Unicode (a lone surrogate such as <c>\ud800</c> or raw invalid UTF-8 is refused with the place it is in), and no
/// variable may hold U+0000, which no stored text can hold. JSON's own nesting limit bounds the walk.
/// </summary>
internal static class RequestHygiene
{
    /// <summary>The request body (a JSON object), or a GET request's parameters.</summary>
    public static RequestProblem? Check(JsonElement body) => Walk(body, "", nulIsInput: false);

    public static RequestProblem? Check(IReadOnlyDictionary<string, JsonElement> parameters) =>
        parameters.Select(p => Walk(p.Value, p.Key, nulIsInput: p.Key == "variables")).FirstOrDefault(p => p is not null);

    private static RequestProblem? Walk(JsonElement value, string path, bool nulIsInput)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return CheckText(value, path, nulIsInput);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index++}]", nulIsInput) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return NotText(path.Length == 0 ? "a property name of the request" : $"a property name in '{path}'");
                    }
                    var inner = path.Length == 0 ? name : $"{path}.{name}";
                    if (Walk(property.Value, inner, nulIsInput || inner == "variables") is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static RequestProblem? CheckText(JsonElement value, string path, bool nulIsInput)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return NotText($"'{path}'");
        }
        if (nulIsInput && text.Contains('\0'))
        {
            return new RequestProblem(StatusCodes.Status400BadRequest, ResolverErrors.BadUserInput,
                $"'{path}' contains the character U+0000, which no text in the graph can hold; remove it");
        }
        return null;
    }

    private static RequestProblem NotText(string where) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST",
        $"{char.ToUpperInvariant(where[0])}{where[1..]} is not valid Unicode text (a lone surrogate such as \\ud800, or bytes that are not UTF-8); send UTF-8 text");
}
