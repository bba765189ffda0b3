namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>Responses of the Query API as its documentation shows them (neo4j.com/docs/query-api: query, errors, result formats).</summary>
public static class QueryApiSamples
{
    public const string PersonAndName = """
        {"data":{"fields":["person","name"],
                 "values":[[{"elementId":"4:ff04df25-ff2b-4b55-98f8-6888297b025e:2","labels":["Person"],"properties":{"name":"Phil"}},"Phil"]]},
         "bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]}
        """;

    public const string One = """{"data":{"fields":["one"],"values":[[1]]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""";

    public const string SyntaxError = """
        {"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'MATC': expected 'MATCH' (line 1, column 1 (offset: 0))"}]}
        """;

    public const string Deadlock = """
        {"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"ForsetiClient[transactionId=12] can't acquire ExclusiveLock"}]}
        """;

    public const string Unavailable = """{"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"Database 'neo4j' is unavailable."}]}""";

    /// <summary>
    /// A transient error as the server sends it: HTTP 400 with the Neo4j code in the body (the Query API maps every
    /// Cypher error to 400 and lets the code say whether it is worth retrying).
    /// </summary>
    public const string LockTimeout = """
        {"errors":[{"code":"Neo.TransientError.Transaction.LockClientStopped","message":"The transaction has been terminated. Retry your operation in a new transaction"}]}
        """;

    /// <summary>The answer of a projection batch: how many of its streams were behind (and so written).</summary>
    public static string Fresh(int count) => $$"""{"data":{"fields":["fresh"],"values":[[{{count}}]]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""";
}
