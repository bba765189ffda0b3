namespace KnowledgeGraph.Cli.Generate;

/// <summary>A way goods move down the chain: what a supplier at one stage sells to a buyer at another.</summary>
internal sealed record Flow(string SupplierStage, string BuyerStage, IReadOnlyList<string> Products, double DealsPerBuyer, double DealsPerSupplier);

/// <summary>The rare-earth magnet chain as the generator shapes it: what each stage makes, needs and trades.</summary>
internal static class SupplyChain
{
    /// <summary>The share of companies whose first stage is each one; manufacturers are the many buyers.</summary>
    public static IReadOnlyList<(string Stage, int Weight)> StageWeights { get; } =
    [
        ("mining", 12), ("separation", 11), ("metal", 8), ("alloy", 6), ("magnet", 15), ("recycling", 6), ("manufacturing", 42),
    ];

    /// <summary>The stages in chain order, so that an integrated company holds neighbouring stages.</summary>
    public static IReadOnlyList<string> Order { get; } = ["mining", "separation", "metal", "alloy", "magnet"];

    // Products repeat to weigh the common ones (NdPr, NdFeB) above the rare ones.
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Outputs { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["mining"] = ["re-concentrate", "re-concentrate", "re-concentrate", "mixed-re-carbonate"],
        ["separation"] = ["ndpr-oxide", "ndpr-oxide", "ndpr-oxide", "dy-oxide", "tb-oxide", "la-ce-oxide", "sm-oxide"],
        ["metal"] = ["ndpr-metal", "ndpr-metal", "ndpr-metal", "dy-metal", "tb-metal", "sm-metal"],
        ["alloy"] = ["ndfeb-alloy", "ndfeb-alloy", "ndfeb-alloy", "smco-alloy"],
        ["magnet"] = ["ndfeb-magnet", "ndfeb-magnet", "ndfeb-magnet", "ndfeb-magnet", "smco-magnet"],
        ["recycling"] = ["recycled-oxide"],
        ["manufacturing"] = ["magnet-scrap"],
    };

    /// <summary>What a company of a stage declares it needs (a product or a whole category).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Needs { get; } = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal)
    {
        ["separation"] = [["re-concentrate"], ["concentrate"], ["re-concentrate", "recycled-oxide"]],
        ["metal"] = [["ndpr-oxide"], ["oxide"], ["ndpr-oxide", "dy-oxide", "tb-oxide"]],
        ["alloy"] = [["ndpr-metal"], ["metal"], ["ndpr-metal", "dy-metal"]],
        ["magnet"] = [["ndfeb-alloy"], ["alloy", "ndpr-metal"], ["ndpr-metal", "dy-metal", "tb-metal"]],
        ["recycling"] = [["magnet-scrap"]],
        ["manufacturing"] = [["ndfeb-magnet"], ["magnet"], ["ndfeb-magnet", "smco-magnet"], ["ndfeb-magnet"]],
    };

    public static IReadOnlyList<Flow> Flows { get; } =
    [
        new("mining", "separation", ["re-concentrate", "re-concentrate", "re-concentrate", "mixed-re-carbonate"], 0.9, 0.9),
        new("separation", "metal", ["ndpr-oxide", "ndpr-oxide", "ndpr-oxide", "dy-oxide", "tb-oxide", "sm-oxide"], 1.0, 0.7),
        new("separation", "magnet", ["dy-oxide", "tb-oxide", "ndpr-oxide"], 0.2, 0.2),
        new("metal", "alloy", ["ndpr-metal", "ndpr-metal", "ndpr-metal", "dy-metal", "tb-metal", "sm-metal"], 0.9, 0.6),
        new("metal", "magnet", ["ndpr-metal", "ndpr-metal", "dy-metal", "tb-metal"], 0.6, 0.6),
        new("alloy", "magnet", ["ndfeb-alloy", "ndfeb-alloy", "ndfeb-alloy", "smco-alloy"], 0.8, 1.0),
        new("magnet", "manufacturing", ["ndfeb-magnet", "ndfeb-magnet", "ndfeb-magnet", "ndfeb-magnet", "smco-magnet"], 1.6, 1.5),
        new("manufacturing", "recycling", ["magnet-scrap"], 0.8, 0.1),
        new("recycling", "separation", ["recycled-oxide"], 0.1, 0.5),
        new("recycling", "metal", ["recycled-oxide"], 0.1, 0.3),
    ];

    /// <summary>Tonnes a year a facility of the stage plausibly handles, as a (low, high) range.</summary>
    public static (int Low, int High) Capacity(string stage) => stage switch
    {
        "mining" => (5_000, 60_000),
        "separation" => (1_000, 20_000),
        "metal" => (500, 10_000),
        "alloy" => (500, 8_000),
        "magnet" => (200, 15_000),
        "recycling" => (100, 3_000),
        _ => (50, 2_000),
    };

    /// <summary>Tonnes a year of one supply contract for a product, as a (low, high) range.</summary>
    public static (int Low, int High) Volume(string product) => product switch
    {
        "re-concentrate" or "mixed-re-carbonate" => (1_000, 20_000),
        "magnet-scrap" or "recycled-oxide" => (20, 1_000),
        _ when product.StartsWith("ndpr", StringComparison.Ordinal) || product.StartsWith("ndfeb", StringComparison.Ordinal) => (100, 5_000),
        _ => (5, 300),
    };

    public static string FacilityNoun(string stage) => stage switch
    {
        "mining" => "mine",
        "separation" => "separation plant",
        "metal" => "metal smelter",
        "alloy" => "alloy plant",
        "magnet" => "magnet plant",
        "recycling" => "recycling plant",
        _ => "motor plant",
    };
}
