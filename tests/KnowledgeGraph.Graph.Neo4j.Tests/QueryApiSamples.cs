namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>Responses of the Query API as its documentation shows them (neo4j.com/docs/query-api: query, transactions, result formats).</summary>
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

    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    public static string InTransaction(string id) => $$$"""
        {"data":{"fields":["one"],"values":[[1]]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"],
         "transaction":{"id":"{{{id}}}","expires":"2024-10-22T15:48:29Z"}}
        """;

    public const string Committed = """{"data":{"fields":[],"values":[]},"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""";
}
