using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain.Curation;

/// <summary>A line of a curated file, numbered from 1 as editors show it.</summary>
public sealed record CuratedLine(string File, int Number, string Text);

/// <summary>A problem of a curated file, at the line that causes it (line 0: the files as a whole).</summary>
public sealed record Finding(string File, int Line, Problem Problem)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Problem}" : $"{File}: {Problem}";
}

/// <summary>
/// What curated data (graph-seed) must satisfy beyond being importable: every line passes the import's own
/// parsing and rules (into an empty store, in file order), and what stays in force after retractions is sourced to
/// an original publisher, has already taken effect on <c>today</c>, gives a facility a capacity only once it operates,
/// and leaves no bloc of the vocabulary without members (reported against <c>scope</c>, what was checked). Pure: the
/// caller reads the files and the clock.
/// </summary>
public static class DataCheck
{
    public static IReadOnlyList<Finding> Run(IEnumerable<CuratedLine> lines, DateOnly today, string scope)
    {
        var findings = new List<Finding>();
        var world = new World();
        var accepted = new List<Located>();
        var firstSeen = new Dictionary<string, CuratedLine>(StringComparer.Ordinal);
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            fileOrder.TryAdd(line.File, fileOrder.Count);
            var parsed = EnvelopeParser.Parse(line.Text);
            IReadOnlyList<Problem> problems = parsed.Problems;
            if (parsed.Envelope is { } envelope)
            {
                problems = firstSeen.TryGetValue(envelope.Id, out var earlier)
                    ? [new Problem("id", $"'{envelope.Id}' is used twice (first at {earlier.File}:{earlier.Number})")]
                    : EventRules.Check(envelope, world);
                firstSeen.TryAdd(envelope.Id, line);
                if (problems.Count == 0)
                {
                    world.Apply(envelope, EventJson.Fingerprint(envelope));
                    accepted.Add(new Located(line, envelope));
                }
            }
            findings.AddRange(problems.Select(p => new Finding(line.File, line.Number, p)));
        }

        var retracted = accepted.Select(a => a.Envelope.Data).OfType<EventRetracted>().Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
        var standing = accepted.Where(a => !retracted.Contains(a.Envelope.Id)).ToList();
        findings.AddRange(standing.SelectMany(a => SourceAndDate(a, today)));
        findings.AddRange(CurationRules.CapacityBeforeOperating(standing));
        findings.AddRange(CurationRules.EmptyBlocs(standing).Select(p => new Finding(scope, 0, p)));
        return [.. findings.OrderBy(f => f.Line == 0).ThenBy(f => fileOrder.GetValueOrDefault(f.File, int.MaxValue)).ThenBy(f => f.Line)];
    }

    private static IEnumerable<Finding> SourceAndDate(Located a, DateOnly today)
    {
        if (a.Envelope.Source.Url is { } url && KnownMirrors.IsMirror(url))
        {
            yield return a.Finding("source.url", $"'{new Uri(url).Host}' republishes other publishers' articles; cite the original publisher");
        }
        if (a.Envelope.EffectiveDate > today)
        {
            yield return a.Finding("effectiveDate", $"{Dates.Format(a.Envelope.EffectiveDate)} is after today ({Dates.Format(today)}): record what has taken effect");
        }
    }
}

/// <summary>An accepted event and the line it came from.</summary>
internal sealed record Located(CuratedLine Line, EventEnvelope Envelope)
{
    public Finding Finding(string field, string reason) => new(Line.File, Line.Number, new Problem(field, reason));
}
