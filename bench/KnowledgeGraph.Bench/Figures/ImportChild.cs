using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// The process whose time and peak memory figure 1 measures: the product's import (<c>kg</c>) or the reference, a binary
/// COPY of the same rows into a plain table. Prints <c>events seconds peakMiB</c>; set-up is outside the timing.
/// </summary>
public static class ImportChild
{
    public static async Task<int> RunAsync(string mode, string file, string connectionString)
    {
        double seconds;
        long events;
        if (mode == "kg")
        {
            await using var store = EventStoreSetup.CreateStore(connectionString);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var clock = Stopwatch.StartNew();
            var summary = await new Importer(store, connectionString).ImportAsync(JsonLinesSource.Read([file]));
            seconds = clock.Elapsed.TotalSeconds;
            events = summary.Stored;
            if (summary.Rejections.Count > 0)
            {
                throw new InvalidOperationException($"the generated file was rejected: {summary.Rejections[0]}");
            }
        }
        else
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using (var create = dataSource.CreateCommand("CREATE TABLE copied_events (id text PRIMARY KEY, type text NOT NULL, data jsonb NOT NULL, headers jsonb NOT NULL)"))
            {
                await create.ExecuteNonQueryAsync();
            }
            var clock = Stopwatch.StartNew();
            events = await CopyAsync(dataSource, file);
            seconds = clock.Elapsed.TotalSeconds;
        }
        var peak = ChildProcess.PeakResidentMiB(Environment.ProcessId) ?? GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} {seconds:R} {peak:R}"));
        return 0;
    }

    /// <summary>Reads and splits each line (id, type, data, the rest as headers) and streams it with binary COPY.</summary>
    private static async Task<long> CopyAsync(NpgsqlDataSource dataSource, string file)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync("COPY copied_events (id, type, data, headers) FROM STDIN (FORMAT BINARY)");
        var buffer = new MemoryStream();
        foreach (var line in JsonLinesSource.Read([file]))
        {
            using var document = JsonDocument.Parse(line.Text);
            var root = document.RootElement;
            buffer.SetLength(0);
            await using (var headers = new Utf8JsonWriter(buffer))
            {
                headers.WriteStartObject();
                foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("id" or "type" or "data")))
                {
                    property.WriteTo(headers);
                }
                headers.WriteEndObject();
            }
            await writer.StartRowAsync();
            await writer.WriteAsync(root.GetProperty("id").GetString(), NpgsqlDbType.Text);
            await writer.WriteAsync(root.GetProperty("type").GetString(), NpgsqlDbType.Text);
            await writer.WriteAsync(root.GetProperty("data").GetRawText(), NpgsqlDbType.Jsonb);
            await writer.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), NpgsqlDbType.Jsonb);
        }
        return (long)await writer.CompleteAsync();
    }
}
