using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// Turns generated events into import lines, reading each line back and checking it against the events before it
/// exactly as <c>kg import</c> would; a line that would be rejected stops the run instead of being written.
/// </summary>
internal static class CheckedLines
{
    private static readonly Source Unsourced = new("generated", "kg generate");

    public static IEnumerable<string> Of(IEnumerable<EventEnvelope> events)
    {
        var world = new World();
        foreach (var envelope in events)
        {
            var line = EventJson.ToLine(envelope);
            var parsed = EnvelopeParser.Parse(line);
            var problems = parsed.Envelope is not { } read ? parsed.Problems
                : world.FindEvent(read.Id) is not null ? [new Problem("id", $"'{read.Id}' is used twice")]
                : EventRules.Check(read, world);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(
                    $"the generator made an event the import would reject ({string.Join("; ", problems)}): {line}");
            }
            // The world keeps registrations whole, to undo them on retraction, but reads neither their source nor
            // their fingerprint (which only tells a re-import from a conflicting one): leaving both out halves the
            // memory of a million-event run.
            world.Apply(envelope with { Source = Unsourced }, string.Empty);
            yield return line;
        }
    }
}
