using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>What the graph's connections add to the connection string they are given, and what they leave to it.</summary>
public class DataSourceTests
{
    [Fact]
    public void Connections_PrepareTheirFrequentStatements_AndCompileNone()
    {
        using var dataSource = GraphSetup.CreateDataSource("Host=127.0.0.1;Username=postgres");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal("-c jit=off", settings.Options);
    }

    [Fact]
    public void AConnectionStringThatSetsMaxAutoPrepare_KeepsItsValue_EvenZero()
    {
        using var dataSource = GraphSetup.CreateDataSource("Host=127.0.0.1;Username=postgres;Max Auto Prepare=0");

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }
}
