using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Bench;

/// <summary>One figure: what was measured, its reference from the same run, their ratio and the target.</summary>
public sealed record Row(string Id, string Figure, string Measured, string Reference, string Ratio, string Target, bool? Met)
{
    public static Row NotMeasured(string id, string figure, string why) => new(id, figure, why, "", "", "", null);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}

public sealed class Report(BenchSize size, Machine machine)
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];
    private readonly string? _loadAtStart = Machine.LoadAverage();

    public void Add(Row row)
    {
        _rows.Add(row);
        Console.Error.WriteLine($"  {row.Id} {row.Figure}: {row.Measured} | {row.Reference} | {row.Ratio}");
    }

    public void Note(string note) => _notes.Add(note);

    public string ToMarkdown(DateTime started, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmarks, {started:yyyy-MM-dd HH:mm} UTC, size `{size.Name}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Describe()}. Run took {took.TotalMinutes:0.0} min.");
        if (_loadAtStart is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at the start: {_loadAtStart}; when this was written: {Machine.LoadAverage()}.");
        }
        text.AppendLine("Every reference is measured in the same run, on the same machine and database server, right beside its figure.");
        text.AppendLine();
        text.AppendLine("| # | Figure | Measured | Reference (same run) | Ratio | Target | Met |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in _rows.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var met = r.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Id} | {r.Figure} | {r.Measured} | {r.Reference} | {r.Ratio} | {r.Target} | {met} |");
        }
        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }
        return text.ToString();
    }
}
