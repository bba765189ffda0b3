namespace KnowledgeGraph.Cli.Generate;

/// <summary>The state one generation run shares between the parts that make events.</summary>
internal sealed class Generation
{
    private int _ids;

    public Generation(int seed)
    {
        Random = new Random(seed);
        Sources = new Sources(Random);
    }

    public Random Random { get; }

    public Sources Sources { get; }

    public OrgDirectory Orgs { get; } = new();

    public Followups Later { get; } = new();

    /// <summary>The number of the organization being generated; follow-ups are scheduled relative to it.</summary>
    public int Current { get; set; }

    /// <summary>A position a few dozen organizations further down the file, for an event that follows another.</summary>
    public int Soon() => Current + Random.Next(1, 60);

    /// <summary>A new deal, facility or policy id, unique in the run.</summary>
    public string NextId(string prefix, DateOnly date) => $"{prefix}-{date.Year}-{++_ids}";
}
