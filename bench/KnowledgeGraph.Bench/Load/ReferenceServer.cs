using System.Text.Json;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Queries;
using Npgsql;

namespace KnowledgeGraph.Bench.Load;

/// <summary>
/// The reference of figure 3: a minimal ASP.NET Core endpoint (Kestrel, no GraphQL, no limits) that reads the same
/// request body, runs the same SQL through the same <see cref="PostgresGraphReader"/> and writes the same JSON.
/// </summary>
public static class ReferenceServer
{
    public static async Task<int> RunAsync(string connectionString, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var reader = new PostgresGraphReader(dataSource);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/organization", async (HttpContext http) =>
        {
            var variables = await VariablesAsync(http);
            var asOf = DateOnly.Parse(variables.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var id = variables.GetProperty("id").GetString()!;
            var found = await reader.NodesAsync(Labels.Organization, [id], http.RequestAborted);
            var org = found.Count > 0 ? found[0] : null;
            var supplies = org is null ? [] : (await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], null, [id], asOf), http.RequestAborted))
                .OfType<Supplies>().Where(e => e.InForce).ToList();
            var suppliers = (await reader.NodesAsync(Labels.Organization, supplies.Select(e => e.FromId).Distinct().ToList(), http.RequestAborted))
                .ToDictionary(n => n.Id);
            await WriteAsync(http, json =>
            {
                json.WritePropertyName("organization");
                if (org is null)
                {
                    json.WriteNullValue();
                    return;
                }
                json.WriteStartObject();
                json.WriteString("id", org.Id);
                json.WriteString("name", org.Caption);
                json.WriteStartArray("suppliers");
                foreach (var supply in supplies)
                {
                    json.WriteStartObject();
                    json.WriteString("product", supply.Product);
                    // As the API's DealStatus enum names it: SIGNED.
                    json.WriteString("status", WireName.Of(supply.Status).ToUpperInvariant().Replace('-', '_'));
                    json.WriteStartObject("supplier");
                    json.WriteString("id", supply.FromId);
                    json.WriteString("name", suppliers[supply.FromId].Caption);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        });
        app.MapPost("/flagship", async (HttpContext http) =>
        {
            var v = await VariablesAsync(http);
            var question = new FlagshipQuestion(v.GetProperty("product").GetString()!, v.GetProperty("bloc").GetString(), null,
                v.GetProperty("exclude").EnumerateArray().Select(c => c.GetString()!).ToList(),
                DateOnly.Parse(v.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            var gaps = await FirmsLackingSupplier.RunAsync(reader, question, http.RequestAborted);
            await WriteAsync(http, json =>
            {
                json.WriteStartObject("firmsLackingSupplier");
                json.WriteNumber("totalCount", gaps.Count);
                json.WriteStartArray("nodes");
                foreach (var gap in gaps.Take(ServedQueries.FlagshipPage))
                {
                    json.WriteStartObject();
                    json.WriteStartObject("organization");
                    json.WriteString("id", gap.Organization.Id);
                    json.WriteString("name", gap.Organization.Caption);
                    json.WriteEndObject();
                    json.WriteString("reason", gap.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        });
        // Figure 3g on: one hand-written statement per analysis builds the whole answer; the endpoint only wraps it in "data".
        app.MapPost("/analysis/{id}", async (HttpContext http, string id) =>
        {
            var v = await VariablesAsync(http);
            await using var command = dataSource.CreateCommand(ReferenceAnalyses.Named(id).Sql);
            foreach (var (name, parameter) in new[] { ("org", "org"), ("other", "other"), ("asOf", "as_of") })
            {
                command.Parameters.AddWithValue(parameter, v.TryGetProperty(name, out var value) ? value.GetString()! : "");
            }
            var answer = (string)(await command.ExecuteScalarAsync(http.RequestAborted))!;
            http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            await http.Response.WriteAsync($$"""{"data":{{answer}}}""", http.RequestAborted);
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<JsonElement> VariablesAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        return body.RootElement.TryGetProperty("variables", out var variables) ? variables.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
    }

    /// <summary><c>{"data": {...}}</c>, as the GraphQL endpoint answers.</summary>
    private static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter> data)
    {
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartObject("data");
        data(json);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
