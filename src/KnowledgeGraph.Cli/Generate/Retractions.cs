using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>Now and then a deal turns out to have been reported in error, and a later event retracts it.</summary>
internal static class Retractions
{
    private static readonly string[] Reasons =
    [
        "The source corrected its report: no agreement was signed",
        "Duplicate of another deal reported under a different name",
        "The counterparty denied the report",
    ];

    /// <summary>
    /// Only for a deal nothing else will follow: once retracted it no longer exists, so a later status change
    /// or end of it would be rejected.
    /// </summary>
    public static void Maybe(string eventId, DateOnly date, Generation g)
    {
        if (!g.Random.Chance(0.015) || Timeline.After(g.Random, date, 2, 200) is not { } retracted)
        {
            return;
        }
        g.Later.At(g.Soon(), () =>
        {
            var id = $"{eventId}-retracted";
            return new EventEnvelope(id, retracted, g.Sources.News(id, retracted, "Correction"),
                new EventRetracted(eventId, g.Random.Pick(Reasons)));
        });
    }
}
