using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>Why a request was refused before it reached GraphQL: the HTTP status, a code and a sentence for the client.</summary>
internal sealed record RequestProblem(int Status, string Code, string Message);

/// <summary>
/// Reads a GraphQL request from a GET query string or a POST JSON body, checking the shape the GraphQL-over-HTTP
/// specification prescribes (a string <c>query</c>, a string <c>operationName</c>, maps for <c>variables</c> and
/// <c>extensions</c>) and the size limits, so that each bad request gets its own clear answer.
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, GraphQLLimits limits)
{
    public (GraphQLRequest? Request, RequestProblem? Problem) FromQueryString(IQueryCollection parameters)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in new[] { "query", "operationName", "variables", "extensions" })
        {
            var values = parameters[name];
            if (values.Count > 1)
            {
                return (null, BadRequest($"The '{name}' parameter is given {values.Count} times; give it once"));
            }
            if (values.Count == 0)
            {
                continue;
            }
            if (name is "variables" or "extensions")
            {
                try
                {
                    using var json = JsonDocument.Parse(values[0]!);
                    fields[name] = json.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    return (null, BadRequest($"The '{name}' parameter is not JSON: {e.Message}"));
                }
            }
            else
            {
                fields[name] = JsonSerializer.SerializeToElement(values[0]);
            }
        }
        return RequestHygiene.Check(fields) is { } unreadable ? (null, unreadable) : Validate(fields);
    }

    public async Task<(GraphQLRequest? Request, RequestProblem? Problem)> FromBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadLimitedAsync(request.Body, limits.MaxBodyBytes, ct);
        if (body is null)
        {
            return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
                $"The request body is over {limits.MaxBodyBytes} bytes (KG_GRAPHQL_MAX_BODY_BYTES)"));
        }
        if (body.Length == 0)
        {
            return (null, BadRequest("The request body is empty; send a JSON object such as {\"query\": \"{ __typename }\"}"));
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"The request body is not valid JSON: {e.Message}"));
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, BadRequest("The request body must be a JSON object with a 'query' string"));
            }
            if (RequestHygiene.Check(json.RootElement) is { } unreadable)
            {
                return (null, unreadable);
            }
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.Clone();
            }
            return Validate(fields);
        }
    }

    private (GraphQLRequest? Request, RequestProblem? Problem) Validate(Dictionary<string, JsonElement> fields)
    {
        if (!fields.TryGetValue("query", out var query) || query.ValueKind == JsonValueKind.Null)
        {
            return (null, BadRequest("The request has no 'query': give the GraphQL document as a string"));
        }
        if (query.ValueKind != JsonValueKind.String)
        {
            return (null, BadRequest($"'query' must be a string, not {Describe(query)}"));
        }
        var text = query.GetString()!;
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > limits.MaxQueryBytes)
        {
            return (null, new RequestProblem(StatusCodes.Status413PayloadTooLarge, "QUERY_TOO_LARGE",
                $"The query is {size} bytes; at most {limits.MaxQueryBytes} are accepted (KG_GRAPHQL_MAX_QUERY_BYTES)"));
        }
        string? operationName = null;
        if (fields.TryGetValue("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return (null, BadRequest($"'operationName' must be a string, not {Describe(name)}"));
            }
            operationName = name.GetString();
        }
        var variables = ReadMap(fields, "variables", out var variablesProblem);
        var extensions = ReadMap(fields, "extensions", out var extensionsProblem);
        if ((variablesProblem ?? extensionsProblem) is { } problem)
        {
            return (null, problem);
        }
        return (new GraphQLRequest { Query = text, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    private Inputs? ReadMap(Dictionary<string, JsonElement> fields, string name, out RequestProblem? problem)
    {
        problem = null;
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem = BadRequest($"'{name}' must be a JSON object (a map of names to values), not {Describe(value)}");
            return null;
        }
        return serializer.ReadNode<Inputs>(value);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes: a large body is never buffered whole.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static RequestProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);
}
