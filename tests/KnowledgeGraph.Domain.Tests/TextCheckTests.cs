using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain.Tests;

/// <summary>
/// The text check reads clean lines on their raw UTF-8 and walks only suspect ones again: these lines sit on the
/// edges of that shortcut (raw C1 controls, escapes, byte versus character lengths, duplicated keys in small and
/// large objects) and must be judged exactly as a decoded walk would.
/// </summary>
public class TextCheckTests
{
    private static string Line(string name, string extraData = "") =>
        "{\"id\":\"e1\",\"type\":\"OrganizationRegistered\",\"effectiveDate\":\"2024-03-07\"," +
        "\"source\":{\"title\":\"t\",\"publisher\":\"p\"}," +
        $"\"data\":{{\"orgId\":\"o1\",\"name\":{name},\"country\":\"SE\",\"kind\":\"company\"{extraData}}}}}";

    private static IReadOnlyList<Problem> Problems(string line) => EnvelopeParser.Parse(line).Problems;

    [Theory]
    [InlineData("\"Acme\u0085 AB\"", "contains the control character U+0085")]
    [InlineData("\"Acme\u007f AB\"", "contains the control character U+007F")]
    [InlineData("\"Acme\\u0000 AB\"", "contains the control character U+0000")]
    [InlineData("\"Acme\\r AB\"", "contains the control character U+000D")]
    [InlineData("\"Acme\\ud800 AB\"", "contains a lone surrogate (an unpaired \\ud800-\\udfff escape)")]
    public void Refuses_ControlsAndLoneSurrogates_RawOrEscaped(string name, string reason)
    {
        var problem = Assert.Single(Problems(Line(name)));
        Assert.Equal(("data.name", reason), (problem.Field, problem.Reason));
    }

    [Theory]
    [InlineData("\"Acme\u00a0AB\"")]
    [InlineData("\"Acme\\tAB\"")]
    [InlineData("\"Société Générale\"")]
    [InlineData("\"\\u0041cme\"")]
    public void Accepts_TextThatOnlyLooksSuspect(string name) => Assert.Empty(Problems(Line(name)));

    [Fact]
    public void Counts_Characters_NotBytes_AgainstTheLimit()
    {
        var threeBytesEach = new string('磁', InputLimits.Name);
        Assert.Empty(Problems(Line($"\"{threeBytesEach}\"")));

        var problem = Assert.Single(Problems(Line($"\"{new string('a', InputLimits.Name + 1)}\"")));
        Assert.Equal($"is {InputLimits.Name + 1} characters long, more than the limit of {InputLimits.Name}", problem.Reason);
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"\\u0020\\t\"")]
    [InlineData("\"\u3000\"")]
    public void Refuses_BlankText_HoweverItIsWritten(string name)
    {
        var problem = Assert.Single(Problems(Line(name)));
        Assert.Equal(("data.name", "must not be empty"), (problem.Field, problem.Reason));
    }

    [Theory]
    [InlineData(",\"country\":\"FR\"")]
    [InlineData(",\"countr\\u0079\":\"FR\"")]
    public void Refuses_DuplicatedKeys_EvenWhenEscaped(string extra)
    {
        var problem = Assert.Single(Problems(Line("\"Acme\"", extra)));
        Assert.Equal(("data.country", "duplicated key"), (problem.Field, problem.Reason));
    }

    [Fact]
    public void Refuses_DuplicatedKeys_InLargeObjects()
    {
        var many = string.Concat(Enumerable.Range(0, 20).Select(i => $",\"x{i}\":1"));
        var problems = Problems(Line("\"Acme\"", many + ",\"x3\":2"));
        Assert.Contains(problems, p => p.Field == "data.x3" && p.Reason == "duplicated key");
    }

    [Fact]
    public void Reports_UnknownFields_BeforeTheFieldsProblems()
    {
        var problems = Problems(Line("\"\"", ",\"colour\":\"red\""));
        Assert.Equal([("data.colour", "unknown field"), ("data.name", "must not be empty")],
            problems.Select(p => (p.Field, p.Reason)));
    }
}
