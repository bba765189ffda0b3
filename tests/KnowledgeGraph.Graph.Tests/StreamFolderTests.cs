using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>The projection's fold, alone: what a stream's events say in the graph, without any store.</summary>
public class StreamFolderTests
{
    private static long _sequence;

    private static StreamEvent Event(string id, string date, object data) =>
        new(Interlocked.Increment(ref _sequence), new EventEnvelope(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new Source("t", "p"), data));

    private static GraphEdge Single(StreamGraph graph, string type) => Assert.Single(graph.Edges, e => e.Type == type);

    [Fact]
    public void SupplyAgreement_HoldsFromItsStartDate_UntilTheEarlierOfItsEndDateAndItsEnding()
    {
        var graph = StreamFolder.Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "signed", StartDate: new DateOnly(2025, 1, 1), EndDate: new DateOnly(2030, 1, 1))),
            Event("e2", "2027-03-01", new SupplyAgreementEnded("d", "dispute"))]);

        var supplies = Single(graph, Relationships.Supplies);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2027, 3, 1)), (supplies.ValidFrom, supplies.ValidTo));
        Assert.Equal(["e1", "e2"], supplies.EventIds);
        Assert.Equal("ended", graph.Nodes.Single().Text("status"));
    }

    [Fact]
    public void RetractedEnding_LeavesTheAgreementInForce_AndBothEventsVisible()
    {
        var graph = StreamFolder.Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "signed")),
            Event("e2", "2025-03-01", new SupplyAgreementEnded("d")),
            Event("e3", "2025-04-01", new EventRetracted("e2", "misreported"))]);

        Assert.Null(Single(graph, Relationships.Supplies).ValidTo);
        Assert.Equal(["e1:", "e2:e3", "e3:"], graph.Events.Select(e => $"{e.EventId}:{e.RetractedBy}"));
    }

    [Fact]
    public void Investment_OwnsFromCompletion_AndVersionsItsStatus()
    {
        var graph = StreamFolder.Fold("deal:i", [
            Event("e1", "2024-01-10", new InvestmentMade("i", "a", "b", "equity", "announced", StakePercent: 51)),
            Event("e2", "2024-06-30", new InvestmentStatusChanged("i", "completed"))]);

        Assert.Equal(["announced 2024-01-10..2024-06-30", "completed 2024-06-30..open"],
            graph.Edges.Where(e => e.Type == Relationships.InvestedIn).Select(e => $"{e.Text("status")} {e.ValidFrom:yyyy-MM-dd}..{e.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}"));
        var owns = Single(graph, Relationships.Owns);
        Assert.Equal((new DateOnly(2024, 6, 30), 51m), (owns.ValidFrom, owns.Number("stakePercent")));
    }

    [Fact]
    public void Memberships_AreIntervalsFromJoiningToLeaving_InWorldTimeOrder()
    {
        var graph = StreamFolder.Fold("country:GB", [
            Event("left", "2020-01-31", new BlocLeft("GB", "EU")),
            Event("joined", "1973-01-01", new BlocJoined("GB", "EU"))]);

        var membership = Single(graph, Relationships.MemberOf);
        Assert.Equal((new DateOnly(1973, 1, 1), new DateOnly(2020, 1, 31)), (membership.ValidFrom, membership.ValidTo));
        Assert.Empty(graph.Errors);
    }

    [Fact]
    public void UpdateWithoutRegistration_IsAProjectionError_NotAnException()
    {
        var graph = StreamFolder.Fold("org:ghost", [Event("u1", "2025-01-01", new OrganizationUpdated("ghost", Name: "Ghost"))]);

        Assert.Empty(graph.Nodes);
        Assert.Equal("OrganizationUpdated before any OrganizationRegistered in its stream", Assert.Single(graph.Errors).Reason);
    }
}
