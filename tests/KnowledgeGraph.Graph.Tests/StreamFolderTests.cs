using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>The projection's fold, alone: what a stream's events say in the graph, without any store.</summary>
public class StreamFolderTests
{
    private static long _sequence;

    private static StreamEvent Event(string id, string date, CatalogEvent data) =>
        new(Interlocked.Increment(ref _sequence), new EventEnvelope(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new Source("t", "p"), data));

    /// <summary>What the stream's events say now, without the versions later events superseded (the fold carried forward checked too).</summary>
    private static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events) => FoldTable.Fold(stream, events).Current();

    private static GraphEdge Single(StreamGraph graph, string type) => Assert.Single(graph.Edges, e => e.Type == type);

    [Fact]
    public void SupplyAgreement_HoldsFromItsStartDate_UntilTheEarlierOfItsEndDateAndItsEnding()
    {
        var graph = Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "signed", StartDate: new DateOnly(2025, 1, 1), EndDate: new DateOnly(2030, 1, 1))),
            Event("e2", "2027-03-01", new SupplyAgreementEnded("d", "dispute"))]);

        var supplies = Single(graph, Relationships.Supplies);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2027, 3, 1)), (supplies.ValidFrom, supplies.ValidTo));
        Assert.Equal(["e1", "e2"], supplies.EventIds);
        Assert.Equal(DealStatus.Ended, Assert.IsType<SupplyAgreement>(graph.Latest().Nodes.Single()).Status);
    }

    [Fact]
    public void RetractedEnding_LeavesTheAgreementInForce_AndBothEventsVisible()
    {
        var graph = Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "signed")),
            Event("e2", "2025-03-01", new SupplyAgreementEnded("d")),
            Event("e3", "2025-04-01", new EventRetracted("e2", "misreported"))]);

        Assert.Null(Single(graph, Relationships.Supplies).ValidTo);
        Assert.Equal(["e1:", "e2:e3", "e3:"], graph.Events.Select(e => $"{e.EventId}:{e.RetractedBy}"));
    }

    [Fact]
    public void Investment_OwnsFromCompletion_AndVersionsItsStatus()
    {
        var graph = Fold("deal:i", [
            Event("e1", "2024-01-10", new InvestmentMade("i", "a", "b", "equity", "announced", StakePercent: 51)),
            Event("e2", "2024-06-30", new InvestmentStatusChanged("i", "completed"))]);

        Assert.Equal(["announced 2024-01-10..2024-06-30", "completed 2024-06-30..open"],
            graph.Edges.Where(e => e.Type == Relationships.InvestedIn).OfType<InvestedIn>().Select(e => $"{WireName.Of(e.Status)} {e.ValidFrom:yyyy-MM-dd}..{e.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}"));
        var owns = Assert.IsType<Owns>(Single(graph, Relationships.Owns));
        Assert.Equal((new DateOnly(2024, 6, 30), 51m), (owns.ValidFrom, owns.StakePercent));
    }

    [Fact]
    public void Memberships_AreIntervalsFromJoiningToLeaving_InWorldTimeOrder()
    {
        var graph = Fold("country:GB", [
            Event("left", "2020-01-31", new BlocLeft("GB", "EU")),
            Event("joined", "1973-01-01", new BlocJoined("GB", "EU"))]);

        var membership = Single(graph, Relationships.MemberOf);
        Assert.Equal((new DateOnly(1973, 1, 1), new DateOnly(2020, 1, 31)), (membership.ValidFrom, membership.ValidTo));
        Assert.Empty(graph.Errors);
    }

    [Fact]
    public void UpdateWithoutRegistration_IsAProjectionError_NotAnException()
    {
        var graph = Fold("org:ghost", [Event("u1", "2025-01-01", new OrganizationUpdated("ghost", Name: "Ghost"))]);

        Assert.Empty(graph.Nodes);
        Assert.Equal("OrganizationUpdated before any OrganizationRegistered in its stream", Assert.Single(graph.Errors).Reason);
    }
    /// <summary>The versions of a relationship type in world-time order, as "value from..to".</summary>
    private static string Versions(StreamGraph graph, string type, Func<GraphEdge, object?> value) =>
        string.Join(", ", graph.Edges.Where(e => e.Type == type).OrderBy(e => e.ValidFrom).ThenBy(e => e.ToId, StringComparer.Ordinal)
            .Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value(e)} {e.ValidFrom:yyyy-MM-dd}..{e.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}")));

    [Fact]
    public void ProposedSupply_IsShownAsProposed_UntilSigned_ThenInForceFromItsStart()
    {
        var graph = Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "proposed", StartDate: new DateOnly(2024, 9, 1))),
            Event("e2", "2025-02-01", new SupplyAgreementStatusChanged("d", "signed"))]);

        Assert.Equal("proposed 2024-09-01..2025-02-01, signed 2025-02-01..open", Versions(graph, Relationships.Supplies, e => WireName.Of(((Supplies)e).Status)));
        Assert.Equal(["e1", "e2"], graph.Edges.Last(e => e.Type == Relationships.Supplies).EventIds);
        Assert.Equal(DealStatus.Signed, ((Deal)graph.Latest().Nodes.Single()).Status);
    }

    [Fact]
    public void SupplySignedAfterAnEarlierStartDate_CountsFromTheStartDate()
    {
        var graph = Fold("deal:d", [
            Event("e1", "2025-08-06", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "signed", StartDate: new DateOnly(2025, 7, 1)))]);

        Assert.Equal("signed 2025-07-01..open", Versions(graph, Relationships.Supplies, e => WireName.Of(((Supplies)e).Status)));
    }

    [Fact]
    public void SupplySignedBeforeItsStart_CountsFromTheStart()
    {
        var graph = Fold("deal:d", [
            Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "proposed", StartDate: new DateOnly(2026, 1, 1))),
            Event("e2", "2025-02-01", new SupplyAgreementStatusChanged("d", "signed"))]);

        Assert.Equal("signed 2026-01-01..open", Versions(graph, Relationships.Supplies, e => WireName.Of(((Supplies)e).Status)));
    }

    [Fact]
    public void PartnershipStatus_IsItsLatestForwardStatus_UntilEnded()
    {
        StreamEvent[] events = [
            Event("e1", "2023-01-01", new PartnershipFormed("p", ["a", "b"], "joint-venture", "proposed")),
            Event("e2", "2023-06-01", new PartnershipStatusChanged("p", "announced")),
            Event("e3", "2024-01-01", new PartnershipStatusChanged("p", "active"))];

        Assert.Equal(DealStatus.Active, ((Deal)Fold("deal:p", events).Latest().Nodes.Single()).Status);
        var ended = Fold("deal:p", [.. events, Event("e4", "2025-01-01", new PartnershipEnded("p"))]).Latest();
        Assert.Equal((DealStatus.Ended, 4), (((Deal)ended.Nodes.Single()).Status, ended.Nodes.Single().EventIds.Count));
    }

    [Fact]
    public void StakeChanges_VersionOwnership_AndASaleEndsIt()
    {
        var graph = Fold("deal:i", [
            Event("e1", "2020-01-10", new InvestmentMade("i", "a", "b", "equity", "completed", StakePercent: 40)),
            Event("e2", "2022-03-01", new StakeChanged("i", 55)),
            Event("e3", "2024-07-01", new StakeChanged("i", 0))]);

        Assert.Equal("40 2020-01-10..2022-03-01, 55 2022-03-01..2024-07-01", Versions(graph, Relationships.Owns, e => ((Owns)e).StakePercent));
        Assert.Equal(0m, Assert.IsType<Investment>(graph.Latest().Nodes.Single()).StakePercent);
        Assert.Empty(graph.Errors);
    }

    [Fact]
    public void StakeChangeBeforeCompletion_IsAProjectionError()
    {
        var graph = Fold("deal:i", [
            Event("e1", "2020-01-10", new InvestmentMade("i", "a", "b", "acquisition", "announced", StakePercent: 100)),
            Event("e2", "2020-06-01", new InvestmentStatusChanged("i", "completed")),
            Event("e3", "2020-03-01", new StakeChanged("i", 80))]);

        Assert.Equal("100 2020-06-01..open", Versions(graph, Relationships.Owns, e => ((Owns)e).StakePercent));
        Assert.Equal(("e3", "StakeChanged dated before the investment's completion"), (Assert.Single(graph.Errors).EventId, graph.Errors[0].Reason));
    }

    [Fact]
    public void FacilityUpdate_VersionsOperation_Products_AndAttributes_WithoutSplittingWhatItDidNotChange()
    {
        var graph = Fold("facility:f", [
            Event("e1", "2020-01-01", new FacilityRegistered("f", "Plant", "a", "US", "separation", "under-construction", ["la-ce-oxide"])),
            Event("e2", "2023-01-01", new FacilityStatusChanged("f", "operating")),
            Event("e3", "2025-01-01", new FacilityUpdated("f", Name: "Plant II", Products: ["la-ce-oxide", "ndpr-oxide"], CapacityTonnesPerYear: 1000)),
            Event("e4", "2025-06-01", new FacilityUpdated("f", Name: "Plant III"))]);

        Assert.Equal("under-construction 2020-01-01..2023-01-01, operating 2023-01-01..2025-01-01, operating 2025-01-01..open",
            Versions(graph, Relationships.Operates, e => WireName.Of(((Operates)e).Status)));
        Assert.Equal(1000m, graph.Edges.OfType<Operates>().Last().CapacityTonnesPerYear);
        Assert.Equal("la-ce-oxide 2020-01-01..open, ndpr-oxide 2025-01-01..open", Versions(graph, Relationships.Produces, e => e.ToId));
        Assert.Equal("Plant under-construction start..2023-01-01, Plant operating 2023-01-01..2025-01-01, "
            + "Plant II operating 1000 2025-01-01..2025-06-01, Plant III operating 1000 2025-06-01..open",
            string.Join(", ", graph.Nodes.OfType<Facility>().OrderBy(f => f.AttributesFrom).Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{f.Name} {WireName.Of(f.Status)}{(f.CapacityTonnesPerYear is { } c ? $" {c}" : "")} {f.AttributesFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"}..{f.AttributesTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}"))));
    }
}
