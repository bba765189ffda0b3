using System.Diagnostics;
using Npgsql;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 2: the product's rebuild (events read from the store, folded, written with its batched upserts and provenance)
/// against a hand-written batched <c>INSERT ... ON CONFLICT</c> of the very nodes and relationships it produced, into
/// tables with the same columns, keys and indexes.
/// </summary>
public static class ProjectionFigure
{
    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        // The store figure 1 imported, when it ran; its import time is the reference of 2r.
        var store = await workload.ImportedAsync(server, size.ImportOrgs);
        var clock = Stopwatch.StartNew();
        var events = await Workload.RebuildAsync(store.ConnectionString);
        var rebuild = clock.Elapsed.TotalSeconds;
        store.Projected = true;
        report.Add(new Row("2r", $"Rebuild of the graph from the {events:N0} stored events of figure 1's store", $"{rebuild:0.0} s",
            $"{store.ImportSeconds:0.0} s (importing the same events)", $"{rebuild / store.ImportSeconds:0.00}×", "< 1×", rebuild < store.ImportSeconds));

        await using var dataSource = NpgsqlDataSource.Create(store.ConnectionString);
        await Execute(dataSource, """
            DROP SCHEMA IF EXISTS bench_ref CASCADE;
            CREATE SCHEMA bench_ref;
            CREATE TABLE bench_ref.nodes (LIKE kg_graph.nodes, PRIMARY KEY (label, id));
            CREATE TABLE bench_ref.edges (LIKE kg_graph.edges, PRIMARY KEY (type, from_label, from_id, to_label, to_id, key, valid_from));
            """);
        var nodes = await ReferenceUpsert.ReadNodesAsync(dataSource);
        var edges = await ReferenceUpsert.ReadEdgesAsync(dataSource);
        clock.Restart();
        await ReferenceUpsert.WriteAsync(dataSource, nodes, edges, Workload.ProjectionBatch);
        var reference = clock.Elapsed.TotalSeconds;

        var ratio = reference / rebuild;
        report.Add(new Row("2", $"Projection throughput (GraphRebuild into PostgreSQL), {events:N0} events → {nodes.Count:N0} nodes, {edges.Count:N0} relationships",
            $"{Row.Number(events / rebuild)} events/s", $"{Row.Number(events / reference)} events/s (batched INSERT ... ON CONFLICT of the same rows)",
            Row.Percent(ratio), ">= 50 %", ratio >= 0.5));
        await Execute(dataSource, "DROP SCHEMA bench_ref CASCADE");
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
