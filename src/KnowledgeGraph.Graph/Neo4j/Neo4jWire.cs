using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The body of a Query API request: <c>{"statement": ..., "parameters": {...}}</c>.</summary>
internal sealed record QueryRequest(string Statement, JsonObject Parameters);

/// <summary>
/// The body of a Query API response in its default plain-JSON format:
/// <c>{"data":{"fields":[...],"values":[[...]]},"bookmarks":[...]}</c>,
/// or <c>{"errors":[{"code":"Neo.ClientError...","message":"..."}]}</c>.
/// </summary>
internal sealed record QueryResponse(QueryData? Data, IReadOnlyList<QueryError?>? Errors, IReadOnlyList<string>? Bookmarks)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

internal sealed record QueryData(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<JsonNode?>> Values);

/// <summary>An error as the server reports it; either field may be missing from a proxy's or an older server's answer.</summary>
internal sealed record QueryError(string? Code, string? Message);

/// <summary>The rows of a query result, read by field name.</summary>
public sealed class Neo4jResult
{
    private readonly Dictionary<string, int> _columns;

    internal Neo4jResult(IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyList<JsonNode?>> values, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        _columns = fields.Select((f, i) => (f, i)).ToDictionary(c => c.f, c => c.i, StringComparer.Ordinal);
        Rows = values.Select(v => new Neo4jRow(this, v)).ToList();
        Bookmarks = bookmarks;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<Neo4jRow> Rows { get; }

    public IReadOnlyList<string> Bookmarks { get; }

    internal int Column(string field) => _columns.TryGetValue(field, out var i)
        ? i
        : throw new KeyNotFoundException($"the result has no field '{field}' (it has {string.Join(", ", Fields)})");
}

public sealed class Neo4jRow
{
    private readonly Neo4jResult _result;
    private readonly IReadOnlyList<JsonNode?> _values;

    internal Neo4jRow(Neo4jResult result, IReadOnlyList<JsonNode?> values) => (_result, _values) = (result, values);

    public JsonNode? this[string field] => _values[_result.Column(field)];

    public string Text(string field) => this[field]?.GetValue<string>() ?? throw new InvalidOperationException($"field '{field}' is null");

    public long Number(string field) => this[field]?.GetValue<long>() ?? throw new InvalidOperationException($"field '{field}' is null");

    public JsonObject Map(string field) => this[field] as JsonObject ?? throw new InvalidOperationException($"field '{field}' is not a map");
}

/// <summary>An error Neo4j answered with, or an HTTP failure; transient ones are worth retrying.</summary>
public sealed class Neo4jException : Exception
{
    public Neo4jException(string code, string message, int httpStatus, bool isTransient)
        : base($"Neo4j answered {code}: {message} (HTTP {httpStatus})")
    {
        Code = code;
        Neo4jMessage = message;
        HttpStatus = httpStatus;
        IsTransient = isTransient;
    }

    /// <summary>The Neo4j status code, such as <c>Neo.ClientError.Statement.SyntaxError</c>, or <c>HTTP.503</c> when there was none.</summary>
    public string Code { get; }

    public string Neo4jMessage { get; }

    public int HttpStatus { get; }

    public bool IsTransient { get; }
}
