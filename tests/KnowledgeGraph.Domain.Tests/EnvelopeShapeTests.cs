using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain.Tests;

public class EnvelopeShapeTests
{
    private static Problem Only(string line) => Assert.Single(EnvelopeParser.Parse(line).Problems);

    [Fact]
    public void Parse_Rejects_TextThatIsNotJson()
    {
        var problem = Only("{\"id\": \"evt-1\", ");
        Assert.StartsWith("not valid JSON", problem.Reason);
    }

    [Fact]
    public void Parse_Rejects_JsonThatIsNotAnObject() =>
        Assert.Equal("a line must be one JSON object", Only("[1, 2]").Reason);

    [Fact]
    public void Parse_Rejects_MissingSource()
    {
        var line = """{"id":"e1","type":"BlocJoined","effectiveDate":"2024-03-07","data":{"country":"SE","bloc":"NATO"}}""";
        Assert.Equal("source", Only(line).Field);
    }

    [Fact]
    public void Parse_Rejects_SourceWithoutTitleOrPublisher()
    {
        var line = """{"id":"e1","type":"BlocJoined","effectiveDate":"2024-03-07","source":{"url":"https://nato.int"},"data":{"country":"SE","bloc":"NATO"}}""";
        var fields = EnvelopeParser.Parse(line).Problems.Select(p => p.Field);
        Assert.Equal(["source.title", "source.publisher"], fields);
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("example.org/page")]
    [InlineData("javascript:alert(1)")]
    public void Parse_Rejects_UrlThatIsNotAbsoluteHttp(string url)
    {
        var line = $$$"""{"id":"e1","type":"BlocJoined","effectiveDate":"2024-03-07","source":{"title":"t","publisher":"p","url":"{{{url}}}"},"data":{"country":"SE","bloc":"NATO"}}""";
        Assert.Equal("source.url", Only(line).Field);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-1-5")]
    [InlineData("05/01/2025")]
    public void Parse_Rejects_MalformedEffectiveDate(string date)
    {
        var problem = Only(Given.Line("BlocJoined", new { country = "SE", bloc = "NATO" }, effectiveDate: date));
        Assert.Equal("effectiveDate", problem.Field);
        Assert.Contains("yyyy-mm-dd", problem.Reason);
    }

    [Fact]
    public void Parse_Rejects_MalformedDateInData()
    {
        var line = Given.Line("SupplyAgreementSigned", new
        {
            dealId = "d1",
            supplierId = "a",
            buyerId = "b",
            product = "ndfeb-magnet",
            status = "signed",
            startDate = "2025-13-01",
        });
        Assert.Equal(new Problem("data.startDate", "must be a date (yyyy-mm-dd)"), Only(line));
    }

    [Fact]
    public void Parse_Rejects_UnknownEventType() =>
        Assert.Equal(new Problem("type", "unknown event type 'CompanyBought'"), Only(Given.Line("CompanyBought", new { })));

    [Fact]
    public void Parse_Rejects_UnknownDataField() =>
        Assert.Equal(new Problem("data.memberSince", "unknown field"),
            Only(Given.Line("BlocJoined", new { country = "SE", bloc = "NATO", memberSince = "2024" })));

    [Fact]
    public void Parse_Rejects_MissingRequiredDataField() =>
        Assert.Equal(new Problem("data.bloc", "is required"), Only(Given.Line("BlocJoined", new { country = "SE" })));

    [Fact]
    public void Parse_Rejects_ValueOfTheWrongType() =>
        Assert.Equal(new Problem("data.stakePercent", "must be a number"), Only(Given.Line("InvestmentMade", new
        {
            dealId = "d1",
            investorId = "a",
            targetId = "b",
            instrument = "equity",
            status = "completed",
            stakePercent = "51%",
        })));

    [Fact]
    public void Parse_Rejects_MalformedEventId() =>
        Assert.Equal("id", Only(Given.Line("BlocJoined", new { country = "SE", bloc = "NATO" }, id: "evt with spaces")).Field);

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce()
    {
        var line = """{"id":"","type":"BlocJoined","effectiveDate":"soon","source":{"title":"t"},"data":{"country":7},"extra":true}""";
        var fields = EnvelopeParser.Parse(line).Problems.Select(p => p.Field).Order().ToList();
        Assert.Equal(["data.bloc", "data.country", "effectiveDate", "extra", "id", "source.publisher"], fields);
    }

    [Fact]
    public void Parse_Accepts_TheExampleOfTheDesign()
    {
        var line = """{"id":"evt-usar-lcm-2025","type":"InvestmentMade","effectiveDate":"2025-09-01","source":{"title":"USA Rare Earth to acquire LCM","publisher":"USA Rare Earth","url":"https://example.org/news","publishedAt":"2025-09-01"},"data":{"dealId":"usar-lcm","investorId":"usa-rare-earth","targetId":"less-common-metals","instrument":"acquisition","status":"completed","stakePercent":100}}""";
        var parsed = EnvelopeParser.Parse(line);
        Assert.Empty(parsed.Problems);
        Assert.Equal("InvestmentMade", parsed.Envelope!.Type);
    }
}
