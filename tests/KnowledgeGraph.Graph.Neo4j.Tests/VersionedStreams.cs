using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>
/// A small history in both clocks, written by hand as the folds give it. Acme is registered as "Acme Oxides" (sequence
/// base+1), supplies Beta from 2024-01-01 (base+2), is renamed "Acme Rare Earths" from 2024-04-01 (base+3), and the
/// supply agreement is retracted (base+4). Beta is registered at base. Each event is recorded a minute after the one before.
/// </summary>
internal sealed class VersionedStreams(string suffix, long sequenceBase)
{
    public static readonly DateOnly Registered = new(2020, 1, 1);
    public static readonly DateOnly Signed = new(2024, 1, 1);
    public static readonly DateOnly Renamed = new(2024, 4, 1);
    public static readonly DateTimeOffset FirstRecorded = new(2031, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public string Acme => $"acme{suffix}";

    public string Beta => $"beta{suffix}";

    public string Deal => $"deal-acme-beta{suffix}";

    public long Seq(int step) => sequenceBase + step;

    public static DateTimeOffset RecordedAt(int step) => FirstRecorded.AddMinutes(step);

    private ProvenanceEvent Event(string id, int step, string type, DateOnly date, string stream, string? retractedBy = null, long? retractedAt = null) =>
        new($"{id}{suffix}", Seq(step), type, date, new Source(id, "Reuters"), stream, retractedBy, retractedAt, RecordedAt(step));

    private static Organization Org(string id, string name, string eventId) =>
        new(id, Registered, [eventId], name, "US", OrganizationKind.Company, [Stage.Magnet], [], []);

    public StreamGraph BetaStream() => new($"org:{Beta}", Seq(0),
        [Org(Beta, "Beta Motors", $"reg-beta{suffix}") with { RecordedFrom = Seq(0) }], [],
        [Event("reg-beta", 0, "OrganizationRegistered", Registered, $"org:{Beta}")], []);

    /// <summary>Acme as registered (believed until the rename was recorded), then in two world-time versions of its name.</summary>
    public StreamGraph AcmeStream()
    {
        var reg = $"reg-acme{suffix}";
        var rename = $"rename-acme{suffix}";
        return new StreamGraph($"org:{Acme}", Seq(3),
        [
            Org(Acme, "Acme Oxides", reg) with { RecordedFrom = Seq(1), RecordedTo = Seq(3) },
            Org(Acme, "Acme Oxides", reg) with { AttributesTo = Renamed, RecordedFrom = Seq(3) },
            Org(Acme, "Acme Rare Earths", rename) with { EventIds = [reg, rename], AttributesFrom = Renamed, RecordedFrom = Seq(3) },
        ],
        [new BasedIn(Acme, "US", Registered, null, [reg]) { RecordedFrom = Seq(1) }],
        [
            Event("reg-acme", 1, "OrganizationRegistered", Registered, $"org:{Acme}"),
            Event("rename-acme", 3, "OrganizationRenamed", Renamed, $"org:{Acme}"),
        ], []);
    }

    /// <summary>The agreement, believed from its signing until its retraction was recorded.</summary>
    public StreamGraph DealStream()
    {
        var signed = $"sup{suffix}";
        return new StreamGraph($"deal:{Deal}", Seq(4),
            [],
            [new Supplies(Acme, Beta, Signed, null, [signed], Deal, "ndfeb-magnet", "magnet", DealStatus.Signed, 120m) { RecordedFrom = Seq(2), RecordedTo = Seq(4) }],
            [
                Event("sup", 2, "SupplyAgreementSigned", Signed, $"deal:{Deal}", $"retract-sup{suffix}", Seq(4)),
                Event("retract-sup", 4, "EventRetracted", Signed, $"deal:{Deal}"),
            ], []);
    }
}
