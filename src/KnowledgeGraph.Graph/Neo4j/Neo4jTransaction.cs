using System.Text.Json.Nodes;
using Polly;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// An explicit Query API transaction: the first statement opens it (<c>POST .../query/v2/tx</c>), the next ones go to
/// <c>.../tx/{id}</c> and the commit to <c>.../tx/{id}/commit</c>, each replaying the <c>neo4j-cluster-affinity</c> header
/// so that a cluster routes them to the member holding the transaction.
/// </summary>
public sealed class Neo4jTransaction
{
    private readonly Neo4jQueryClient _client;
    private string? _id;
    private string? _affinity;

    internal Neo4jTransaction(Neo4jQueryClient client) => _client = client;

    public async Task<Neo4jResult> RunAsync(string statement, JsonObject parameters, CancellationToken ct)
    {
        var (body, affinity) = await _client.SendAsync(HttpMethod.Post, _id is null ? _client.TransactionUri : Uri(), new QueryRequest(statement, parameters), _affinity, ct);
        _affinity = affinity;
        _id ??= body.Transaction?.Id
            ?? throw new Neo4jException("KG.NoTransaction", "opening a transaction returned no transaction id", 0, false);
        return Neo4jQueryClient.ToResult(body);
    }

    internal async Task CommitAsync(CancellationToken ct)
    {
        if (_id is not null)
        {
            await _client.SendAsync(HttpMethod.Post, Uri("/commit"), null, _affinity, ct);
            _id = null;
        }
    }

    /// <summary>
    /// Rolls back after a failure. Not cancellable by the caller (the call timeout bounds it), and its own failure is not
    /// reported: the first failure is the one that matters, and the server rolls an abandoned transaction back when it expires.
    /// </summary>
    internal async Task RollbackAsync()
    {
        if (_id is null)
        {
            return;
        }
        var uri = Uri();
        _id = null;
        try
        {
            await _client.SendAsync(HttpMethod.Delete, uri, null, _affinity, CancellationToken.None);
        }
        catch (Exception e) when (e is Neo4jException or HttpRequestException or ExecutionRejectedException)
        {
            // Already closed by the error (Neo4j rolls back on any error), unreachable, or the breaker is open.
        }
    }

    private Uri Uri(string suffix = "") => new($"{_client.TransactionUri.AbsoluteUri}/{System.Uri.EscapeDataString(_id!)}{suffix}");
}
