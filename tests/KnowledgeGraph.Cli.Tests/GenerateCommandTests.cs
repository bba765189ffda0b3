using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg generate</c> as a benchmark author runs it: a real process writing to standard output.</summary>
public class GenerateCommandTests
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    private static readonly Lazy<Task<CliResult>> ThousandOrgs = new(() => Generate("--orgs", "1000"));

    [Fact]
    public async Task Generate_IsTheSameForTheSameSeed()
    {
        var first = await Generate("--orgs", "300", "--seed", "42");
        var second = await Generate("--orgs", "300", "--seed", "42");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Generate_DiffersForAnotherSeed()
    {
        var first = await Generate("--orgs", "300", "--seed", "42");
        var other = await Generate("--orgs", "300", "--seed", "43");

        Assert.Equal(0, other.ExitCode);
        Assert.NotEqual(first.Output, other.Output);
    }

    [Fact]
    public async Task Generate_WritesOnlyLinesTheImportFormatParses()
    {
        var lines = Lines(await ThousandOrgs.Value);

        var problems = lines.Select((line, i) => (Line: i + 1, EnvelopeParser.Parse(line).Problems))
            .Where(p => p.Problems.Count > 0)
            .Select(p => $"line {p.Line}: {string.Join("; ", p.Problems)}");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Generate_GivesAboutTenEventsPerOrganization_OfEveryTypeOfTheCatalog()
    {
        var lines = Lines(await ThousandOrgs.Value);

        var types = lines.Select(line => EnvelopeParser.Parse(line).Envelope!.Type).ToHashSet();

        Assert.InRange(lines.Count, 8_000, 12_000);
        Assert.Equal(EventCatalog.Types.Select(t => t.Name).Order(), types.Order());
    }

    [Fact]
    public async Task Generate_TenThousandEvents_ImportWithZeroRejectedLines()
    {
        await using var database = await TestDatabase.CreateAsync();
        var generated = await ThousandOrgs.Value;
        var file = Path.Combine(Path.GetTempPath(), $"kg-generated-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, generated.Output, TestContext.Current.CancellationToken);
        try
        {
            var import = await KgProcess.RunAsync(database.ConnectionString, "import", file);

            Assert.Equal(0, import.ExitCode);
            Assert.Equal($"{Lines(generated).Count} stored, 0 unchanged, 0 rejected", import.Output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Generate_SupplyAgreementsSellWhatTheSuppliersStageMakes()
    {
        var makes = new Dictionary<string, string[]>
        {
            ["mining"] = ["re-concentrate", "mixed-re-carbonate"],
            ["separation"] = ["ndpr-oxide", "dy-oxide", "tb-oxide", "la-ce-oxide", "sm-oxide"],
            ["metal"] = ["ndpr-metal", "dy-metal", "tb-metal", "sm-metal"],
            ["alloy"] = ["ndfeb-alloy", "smco-alloy"],
            ["magnet"] = ["ndfeb-magnet", "smco-magnet"],
            ["recycling"] = ["recycled-oxide"],
            ["manufacturing"] = ["magnet-scrap"],
        };
        var events = Lines(await ThousandOrgs.Value).Select(line => EnvelopeParser.Parse(line).Envelope!.Data).ToList();
        var stages = events.OfType<OrganizationRegistered>().ToDictionary(o => o.OrgId, o => o.Stages ?? []);

        var agreements = events.OfType<SupplyAgreementSigned>().ToList();
        var offStage = agreements.Where(a => !stages[a.SupplierId].Any(s => makes[s].Contains(a.Product)))
            .Select(a => $"{a.DealId}: {a.SupplierId} ({string.Join(", ", stages[a.SupplierId])}) sells {a.Product}");

        Assert.NotEmpty(agreements);
        Assert.Empty(offStage);
    }

    [Theory]
    [InlineData("--orgs 9", "--orgs must be at least 10, not 9")]
    [InlineData("--orgs many", "Cannot parse argument 'many' for option '--orgs'")]
    [InlineData("--seed 3", "Option '--orgs' is required")]
    [InlineData("--orgs 100 --seed x", "Cannot parse argument 'x' for option '--seed'")]
    public async Task Generate_RejectsABadValue_WithExitCode2AndNoOutput(string arguments, string message)
    {
        var result = await Generate(arguments.Split(' '));

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.StartsWith("kg generate: ", result.Errors);
        Assert.Contains(message, result.Errors);
    }

    private static Task<CliResult> Generate(params string[] arguments) => KgProcess.RunAsync(NoDatabase, ["generate", .. arguments]);

    private static List<string> Lines(CliResult result)
    {
        Assert.Equal((0, ""), (result.ExitCode, result.Errors));
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
