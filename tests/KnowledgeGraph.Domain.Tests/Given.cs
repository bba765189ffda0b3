using System.Text.Json;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain.Tests;

/// <summary>Builds import lines and the world they are checked against.</summary>
internal static class Given
{
    private static int _next;

    public static string Line(string type, object data, string? id = null, string effectiveDate = "2025-01-01") =>
        JsonSerializer.Serialize(new
        {
            id = id ?? $"evt-{Interlocked.Increment(ref _next)}",
            type,
            effectiveDate,
            source = new { title = "A report", publisher = "A publisher", url = "https://example.org/report" },
            data,
        }, EventJson.Options);

    public static string Org(string orgId, string country = "US") =>
        Line("OrganizationRegistered", new { orgId, name = orgId, country, kind = "company" });

    /// <summary>MP Materials (US), General Motors (US), JL Mag (CN): registered organizations to refer to.</summary>
    public static World Firms(params string[] more)
    {
        string[] lines = [Org("mp-materials"), Org("general-motors"), Org("jl-mag", "CN"), .. more];
        return World(lines);
    }

    public static World World(params string[] lines)
    {
        var world = new World();
        foreach (var line in lines)
        {
            var envelope = EnvelopeParser.Parse(line).Envelope ?? throw new ArgumentException($"bad setup line {line}");
            var problems = EventRules.Check(envelope, world);
            Assert.Empty(problems);
            world.Apply(envelope, EventJson.Fingerprint(envelope));
        }
        return world;
    }

    /// <summary>Every problem of a line: its shape first, then the rules against the world.</summary>
    public static IReadOnlyList<Problem> Problems(World world, string line)
    {
        var parsed = EnvelopeParser.Parse(line);
        return parsed.Envelope is null ? parsed.Problems : EventRules.Check(parsed.Envelope, world);
    }

    public static Problem Single(World world, string line) => Assert.Single(Problems(world, line));
}
