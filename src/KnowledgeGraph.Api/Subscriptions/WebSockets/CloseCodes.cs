namespace KnowledgeGraph.Api.Subscriptions.WebSockets;

/// <summary>The close codes of the graphql-transport-ws protocol, and ours for a client that cannot keep up.</summary>
internal static class CloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int InitTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitRequests = 4429;

    /// <summary>1013, "try again later": the client fell behind its buffer; it reconnects and resumes with afterSequence.</summary>
    public const int TooSlow = 1013;

    public const string Protocol = "graphql-transport-ws";
}
