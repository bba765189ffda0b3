namespace KnowledgeGraph.Graph.Ports;

/// <summary>
/// Which stored events a question answers for (knowledge time, as opposed to the world date asOf): those stored up to
/// a sequence, or recorded up to an instant (up to the last event recorded at or before it); every one when neither.
/// </summary>
public sealed record Knowledge(long? Sequence = null, DateTimeOffset? At = null)
{
    public static Knowledge All { get; } = new();

    public bool IsAll => Sequence is null && At is null;
}

/// <summary>A knowledge point: the last stored sequence an answer reflects, and the instant that event was recorded.</summary>
public sealed record KnowledgePoint(long Sequence, DateTimeOffset? RecordedAt);
