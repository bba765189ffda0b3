using KnowledgeGraph.Domain.Curation;

namespace KnowledgeGraph.Domain.Tests;

/// <summary>The data check's rules that read a facility's history in world time, and retractions.</summary>
public class DataCheckTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static string Plant(string status, int? capacity, string id = "evt-plant", string date = "2023-01-01") =>
        Given.Line("FacilityRegistered", new
        {
            facilityId = "plant",
            name = "Plant",
            operatorId = "mp-materials",
            country = "US",
            stage = "magnet",
            status,
            capacityTonnesPerYear = capacity,
        }, id, date);

    private static List<Finding> Capacity(params string[] lines) =>
        [.. DataCheck.Run(lines.Prepend(Given.Org("mp-materials")).Select((text, i) => new CuratedLine("f.jsonl", i + 1, text)), Today, "f.jsonl")
            .Where(f => f.Problem.Field == "data.capacityTonnesPerYear")];

    [Fact]
    public void Capacity_IsAccepted_FromTheDateTheFacilityOperates()
    {
        var findings = Capacity(
            Plant("planned", null),
            Given.Line("FacilityStatusChanged", new { facilityId = "plant", status = "operating" }, effectiveDate: "2024-06-10"),
            Given.Line("FacilityUpdated", new { facilityId = "plant", capacityTonnesPerYear = 850 }, effectiveDate: "2024-06-10"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Capacity_IsReported_WhenAnUpdateGivesItBeforeTheFacilityOperates()
    {
        var findings = Capacity(
            Plant("planned", null),
            Given.Line("FacilityUpdated", new { facilityId = "plant", capacityTonnesPerYear = 850 }, effectiveDate: "2024-01-01"),
            Given.Line("FacilityStatusChanged", new { facilityId = "plant", status = "operating" }, effectiveDate: "2024-06-10"));

        var finding = Assert.Single(findings);
        Assert.Equal(3, finding.Line);
        Assert.Contains("on 2024-01-01 while planned", finding.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_OfARetractedRegistration_IsNotReported_ButItsReplacementIs()
    {
        var findings = Capacity(
            Plant("under-construction", 1000),
            Given.Line("EventRetracted", new { eventId = "evt-plant", reason = "capacity before operating" }),
            Plant("under-construction", 1200, id: "evt-plant-again"));

        Assert.Equal([4], findings.Select(f => f.Line));
    }
}
