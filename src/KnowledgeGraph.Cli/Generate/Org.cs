namespace KnowledgeGraph.Cli.Generate;

/// <summary>What the generator remembers of an organization it registered, to pick it later as a counterparty.</summary>
internal sealed class Org(string id, string name, string country, string kind, IReadOnlyList<string> stages, DateOnly registered)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Country { get; } = country;
    public string Kind { get; } = kind;
    public IReadOnlyList<string> Stages { get; } = stages;
    public DateOnly Registered { get; } = registered;

    /// <summary>Percent of the organization already sold in stakes, so that stakes never add up past 100.</summary>
    public decimal StakeSold { get; set; }

    /// <summary>Set once a majority stake is taken, so that no organization gets two controlling owners.</summary>
    public bool HasMajorityOwner { get; set; }

    public bool IsCompany => Kind == "company";

    public bool IsFunder => Kind is "investor" or "government-agency";
}
