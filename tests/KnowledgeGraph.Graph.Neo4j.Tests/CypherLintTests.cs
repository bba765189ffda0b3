using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>Every Cypher statement of the adapter, checked by Neo4j's own parser and semantic analysis (tools/cypher-lint).</summary>
public sealed class CypherLintTests
{
    private static readonly string LintFolder = Path.Combine(RepositoryRoot(), "tools", "cypher-lint");

    // The model's property keys (the projection's folds write them; the README documents them), beside the adapter's own.
    private static readonly string[] ModelPropertyKeys =
    [
        "aliases", "amount", "beneficiaryIds", "buyerId", "capacityTonnesPerYear", "category", "consumes", "country", "currency",
        "dealId", "endDate", "endReason", "endedOn", "instrument", "investorId", "jurisdiction", "kind", "name", "operatorId",
        "partnershipKind", "partyIds", "product", "products", "revokedOn", "role", "stage", "stages", "stakePercent", "startDate",
        "status", "supplierId", "targetCountries", "targetId", "title", "volumeTonnesPerYear",
    ];

    // Keys of the maps in the parameters (rows, and the batch's maps by label and type), which the linter counts as property keys.
    private static readonly string[] RowKeys = ["fromId", "toId", "props", "label", "missing", "version", "lastAttributeChange", .. Labels.All, .. Relationships.All];

    // The parameters the adapter passes, with a value of the type each receives.
    private static readonly Dictionary<string, object?> Parameters = new()
    {
        ["streams"] = Array.Empty<object>(),
        ["rows"] = Array.Empty<object>(),
        ["kept"] = Array.Empty<string>(),
        ["ids"] = Array.Empty<string>(),
        ["fromIds"] = Array.Empty<string>(),
        ["toIds"] = Array.Empty<string>(),
        ["asOf"] = "2025-01-01",
        ["text"] = "magnet",
        ["stage"] = "magnet",
        ["countries"] = Array.Empty<string>(),
        ["bloc"] = "NATO",
        ["needCodes"] = Array.Empty<string>(),
        ["product"] = "ndfeb-magnet",
        ["after"] = "acme",
        ["limit"] = 10,
        ["stream"] = "org-acme",
        ["slug"] = "magnet",
        ["skip"] = 0,
        ["first"] = 10,
        ["nodes"] = new Dictionary<string, object>(),
        ["relationships"] = new Dictionary<string, object>(),
        ["events"] = Array.Empty<object>(),
        ["errors"] = Array.Empty<object>(),
        ["id"] = "gm",
        ["types"] = Array.Empty<string>(),
        ["outgoing"] = true,
        ["incoming"] = true,
        ["from"] = "gm",
        ["to"] = "vac",
        ["maxHops"] = 4,
        ["kind"] = "supply",
        ["party"] = "gm",
        ["country"] = "US",
        ["codes"] = Array.Empty<string>(),
        ["operator"] = "vac",
        ["status"] = "operating",
        ["jurisdiction"] = "US",
        ["beneficiary"] = "gm",
        ["buyer"] = "gm",
        ["supplier"] = "vac",
        ["products"] = Array.Empty<string>(),
        ["org"] = "gm",
        ["depth"] = 4,
        ["cut"] = Array.Empty<string>(),
        ["excluded"] = Array.Empty<string>(),
        ["ownership"] = true,
        ["nodeVersions"] = Array.Empty<object>(),
        ["edgeVersions"] = Array.Empty<object>(),
        ["known"] = 42L,
        ["attributesAsOf"] = "2025-01-01",
        ["seq"] = 42L,
        ["at"] = "2025-01-01T00:00:00.000000Z",
        ["label"] = "Organization",
    };

    [Fact]
    public async Task CypherStatements_LintWithZeroErrors()
    {
        // Given every statement of the Cypher class
        var statements = typeof(Cypher).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Where(f => !f.Name.StartsWith("Batch", StringComparison.Ordinal))
            .Select(f => Expand(f.Name, (string)f.GetRawConstantValue()!))
            .Append((Name: "ProjectionBatch", Statement: Neo4jBatch.For([Neo4jWriterTests.Batch()]).Statement))
            .ToList();
        Assert.True(statements.Count > 20, $"only {statements.Count} statements found");
        var schema = new
        {
            labels = Labels.All.Concat(["Event", "ProjectionError", "Stream", "Vanished", "NodeVersion", "EdgeVersion", "GraphClock"]),
            relationshipTypes = Relationships.All,
            propertyKeys = Neo4jRows.NodeKeys.Concat(Neo4jRows.RelationshipKeys).Concat(Neo4jRows.EventKeys).Concat(Neo4jRows.ErrorKeys)
                .Concat(ModelPropertyKeys).Concat(RowKeys).Append("lastSeq").Append("vanishedLabel").Append("lastAttributeChange").Distinct(),
            parameters = Parameters,
            defaultLanguage = "CYPHER 5",
        };
        var folder = Directory.CreateTempSubdirectory("cypher-lint-");
        var statementsFile = Path.Combine(folder.FullName, "statements.json");
        var schemaFile = Path.Combine(folder.FullName, "schema.json");
        await File.WriteAllTextAsync(statementsFile, JsonSerializer.Serialize(statements.Select(s => new { name = s.Name, statement = s.Statement })),
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(schemaFile, JsonSerializer.Serialize(schema), TestContext.Current.CancellationToken);
        BuiltByTestScript.Require(Path.Combine(LintFolder, "node_modules"), "tools/cypher-lint's node modules");

        // When
        var lint = await RunAsync("node", ["lint.mjs", statementsFile, schemaFile, "--warnings-as-errors"]);
        folder.Delete(recursive: true);

        // Then
        Assert.True(lint.ExitCode == 0, $"Cypher lint found problems:\n{lint.Output}");
        Assert.Contains($"{statements.Count} statements linted: 0 error(s), 0 warning(s)", lint.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A statement with slots is linted once, filled with the first label or type: every name a slot can take is one of the
    /// schema's (CypherSlots.Bind accepts no other), so more fillings would only lint the same shape again, ~0.1 s each.
    /// </summary>
    private static (string Name, string Statement) Expand(string name, string statement)
    {
        var (label, type) = (Labels.All[0], Relationships.All[0]);
        var bound = CypherSlots.Bind(statement,
            label: statement.Contains(CypherSlots.Label, StringComparison.Ordinal) ? label : null,
            type: statement.Contains(CypherSlots.Type, StringComparison.Ordinal) ? type : null,
            from: statement.Contains(CypherSlots.From, StringComparison.Ordinal) ? label : null,
            to: statement.Contains(CypherSlots.To, StringComparison.Ordinal) ? Labels.All[^1] : null);
        return (name, bound);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"KnowledgeGraph.sln not found above {AppContext.BaseDirectory}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = LintFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(5));
        return (run.ExitCode, run.Output + run.Errors);
    }
}
