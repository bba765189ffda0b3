using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The fake's routes: the auto-commit endpoint, and explicit transactions with their expiry and exclusive access.</summary>
public sealed partial class FakeQueryApi
{
    private readonly ConcurrentDictionary<string, ServerTransaction> _transactions = new(StringComparer.Ordinal);
    private int _begun;

    /// <summary>How long a transaction may stay idle before the server rolls it back (the Query API's default is 30 s).</summary>
    public TimeSpan TransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many explicit transactions clients opened, ever.</summary>
    public int BegunTransactions => _begun;

    /// <summary>The transactions open on the server now: neither committed, rolled back, failed nor expired.</summary>
    public int OpenTransactions => _transactions.Values.Count(t => !t.Expired);

    private async Task RouteAsync(HttpContext context, string body)
    {
        // /db/{database}/query/v2[/tx[/{id}[/commit]]]
        var path = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (path.Length < 4 || path[0] != "db" || path[2] != "query" || path[3] != "v2"
            || (path.Length > 4 && path[4] != "tx") || path.Length > 7 || (path.Length == 7 && path[6] != "commit"))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (path[1] != Database)
        {
            await WriteErrorAsync(context, 404, "Neo.ClientError.Database.DatabaseNotFound", $"Database does not exist. Database name: '{path[1]}'.");
            return;
        }
        if (!TryReadStatement(body, out var statement) || (path.Length == 4 && string.IsNullOrEmpty(statement)))
        {
            await WriteErrorAsync(context, 400, "Neo.ClientError.Request.InvalidFormat", "The body must be a JSON object with a statement.");
            return;
        }
        var delete = context.Request.Method == HttpMethods.Delete;
        if (delete && path.Length != 6)
        {
            await WriteErrorAsync(context, 405, "Neo.ClientError.Request.Invalid", $"{context.Request.Method} is not allowed here.");
            return;
        }
        await WriteAsync(context, path.Length switch
        {
            4 => await RunStatementAsync(context),
            5 => await BeginAsync(context, statement),
            _ => await InTransactionAsync(context, path[5], statement, commit: path.Length == 7, rollback: delete),
        });
    }

    private async Task<Answer?> BeginAsync(HttpContext context, string? statement)
    {
        Interlocked.Increment(ref _begun);
        var transaction = new ServerTransaction(Guid.NewGuid().ToString("N")[..16]);
        transaction.Touch(TransactionTimeout);
        _transactions[transaction.Id] = transaction;
        return await RunInAsync(context, transaction, statement, commit: false);
    }

    private async Task<Answer?> InTransactionAsync(HttpContext context, string id, string? statement, bool commit, bool rollback)
    {
        if (!_transactions.TryGetValue(id, out var transaction) || transaction.Expired)
        {
            _transactions.TryRemove(id, out _);
            return Answer.Error(404, "Neo.ClientError.Transaction.TransactionNotFound",
                $"Transaction with Id: {id} was not found. It may have timed out and therefore rolled back.");
        }
        if (!transaction.TryAcquire())
        {
            return Answer.Error(400, "Neo.ClientError.Transaction.TransactionAccessedConcurrently",
                "There were concurrent requests accessing the same transaction, which is not allowed.");
        }
        try
        {
            if (rollback)
            {
                _transactions.TryRemove(id, out _);
                return new Answer(200, """{"bookmarks":[]}""");
            }
            return await RunInAsync(context, transaction, statement, commit);
        }
        finally
        {
            transaction.Release(TransactionTimeout);
        }
    }

    /// <summary>
    /// Runs a statement in a transaction: a failed one rolls the transaction back, a commit ends it, anything else keeps it
    /// open and extends its expiry. The answer carries the transaction's id and expiry while it stays open.
    /// </summary>
    private async Task<Answer?> RunInAsync(HttpContext context, ServerTransaction transaction, string? statement, bool commit)
    {
        var answer = string.IsNullOrEmpty(statement) ? new Answer(202, "{}") : await RunStatementAsync(context);
        if (answer is null || answer.Failed || commit)
        {
            _transactions.TryRemove(transaction.Id, out _);
            return answer is null || answer.Failed ? answer : new Answer(202, """{"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""");
        }
        transaction.Touch(TransactionTimeout);
        var json = JsonNode.Parse(answer.Json)!.AsObject();
        json["transaction"] = new JsonObject
        {
            ["id"] = transaction.Id,
            ["expiry"] = transaction.Expiry.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        return answer with { Json = json.ToJsonString() };
    }

    /// <summary>An open transaction: one request at a time, rolled back once idle past its expiry.</summary>
    private sealed class ServerTransaction(string id)
    {
        private int _busy;
        private long _expiryTicks;

        public string Id { get; } = id;

        public DateTimeOffset Expiry => new(Interlocked.Read(ref _expiryTicks), TimeSpan.Zero);

        public bool Expired => _busy == 0 && DateTimeOffset.UtcNow > Expiry;

        public bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        public void Release(TimeSpan timeout)
        {
            Touch(timeout);
            Interlocked.Exchange(ref _busy, 0);
        }

        public void Touch(TimeSpan timeout) => Interlocked.Exchange(ref _expiryTicks, (DateTimeOffset.UtcNow + timeout).UtcTicks);
    }
}
