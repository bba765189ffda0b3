using System.Reflection;
using KnowledgeGraph.Domain;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph;
using NetArchTest.Rules;

namespace KnowledgeGraph.Architecture.Tests;

/// <summary>
/// The layering of docs/architecture.md, checked on the compiled assemblies: each project depends only downward,
/// the domain on nothing, and the graph's analyses and projection on its ports, never on an adapter.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Domain = typeof(World).Assembly;
    private static readonly Assembly EventStore = typeof(EventStoreSetup).Assembly;
    private static readonly Assembly Graph = typeof(GraphSetup).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;
    private static readonly Assembly Cli = Assembly.Load(new AssemblyName("kg"));

    private const string Adapters = "KnowledgeGraph.Graph.Postgres|KnowledgeGraph.Graph.Neo4j";

    private static void Holds(NetArchTest.Rules.TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; broken by: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Domain_DependsOnNoOtherLayer_AndOnNoInfrastructure() =>
        Holds(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "KnowledgeGraph.EventStore", "KnowledgeGraph.Graph", "KnowledgeGraph.Api", "KnowledgeGraph.Cli",
            "Marten", "JasperFx", "Npgsql", "Polly", "GraphQL", "Microsoft.AspNetCore", "System.Net.Http").GetResult(),
            "the domain is pure: events, vocabularies and validation, no I/O");

    [Fact]
    public void EventStore_KnowsNothingOfTheGraphOrTheApi() =>
        Holds(Types.InAssembly(EventStore).ShouldNot().HaveDependencyOnAny(
            "KnowledgeGraph.Graph", "KnowledgeGraph.Api", "KnowledgeGraph.Cli", "GraphQL", "Microsoft.AspNetCore").GetResult(),
            "the event store is below the graph and the API");

    [Fact]
    public void Graph_KnowsNothingOfTheApiOrTheCli() =>
        Holds(Types.InAssembly(Graph).ShouldNot().HaveDependencyOnAny(
            "KnowledgeGraph.Api", "KnowledgeGraph.Cli", "GraphQL", "Microsoft.AspNetCore").GetResult(),
            "the graph is below the API and the CLI");

    [Fact]
    public void Api_AndCli_DoNotDependOnEachOther()
    {
        Holds(Types.InAssembly(Api).ShouldNot().HaveDependencyOn("KnowledgeGraph.Cli").GetResult(), "the API does not use the CLI");
        Holds(Types.InAssembly(Cli).ShouldNot().HaveDependencyOn("KnowledgeGraph.Api").GetResult(), "the CLI does not use the API");
    }

    [Fact]
    public void OnlyTheGraphSetup_ChoosesAnAdapter()
    {
        string[] adapters = Adapters.Split('|');
        Holds(Types.InAssembly(Graph).That().DoNotResideInNamespace(adapters[0]).And().DoNotResideInNamespace(adapters[1])
            .And().DoNotHaveName(nameof(GraphSetup))
            .ShouldNot().HaveDependencyOnAny(adapters).GetResult(), "the projection and the analyses talk to the ports");
        foreach (var outside in new[] { Api, Cli })
        {
            Holds(Types.InAssembly(outside).ShouldNot().HaveDependencyOnAny(adapters).GetResult(), $"{outside.GetName().Name} reaches the graph through its ports");
        }
    }

    [Fact]
    public void TheTwoAdapters_AreIndependent()
    {
        string[] adapters = Adapters.Split('|');
        Holds(Types.InAssembly(Graph).That().ResideInNamespace(adapters[0]).ShouldNot().HaveDependencyOn(adapters[1]).GetResult(), "PostgreSQL does not use Neo4j");
        Holds(Types.InAssembly(Graph).That().ResideInNamespace(adapters[1]).ShouldNot().HaveDependencyOn(adapters[0]).GetResult(), "Neo4j does not use PostgreSQL");
    }

    /// <summary>The checks above see real dependencies: the graph does use the event store, and this rule says it does.</summary>
    [Fact]
    public void TheChecker_SeesARealDependency() =>
        Assert.False(Types.InAssembly(Graph).ShouldNot().HaveDependencyOn("KnowledgeGraph.EventStore").GetResult().IsSuccessful);
}
