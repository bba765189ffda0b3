using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Domain.Curation;

/// <summary>The rules of <see cref="DataCheck"/> that look at a stream's history in world time.</summary>
internal static class CurationRules
{
    private static readonly HashSet<string> NotYetBuilt = ["planned", "under-construction"];

    /// <summary>
    /// A capacity is what a plant produces, so it is recorded only once the plant operates: the first event, in
    /// world-time order, at which a facility has a capacity while it is planned or under construction.
    /// </summary>
    public static IEnumerable<Finding> CapacityBeforeOperating(IReadOnlyList<Located> standing)
    {
        var byFacility = standing
            .Select(a => (Located: a, Change: a.Envelope.Data.Accept(CapacityChangeOf.Instance)))
            .Where(c => c.Change is not null)
            .GroupBy(c => c.Change!.FacilityId, StringComparer.Ordinal);
        foreach (var facility in byFacility)
        {
            var now = new FacilityStanding(null, null);
            foreach (var (a, change) in facility.OrderBy(c => c.Located.Envelope.EffectiveDate))
            {
                now = change!.Next(now);
                var (status, capacity) = now;
                if (capacity is > 0 && status is not null && NotYetBuilt.Contains(status))
                {
                    yield return a.Finding("data.capacityTonnesPerYear",
                        $"facility '{facility.Key}' has a capacity of {capacity} t/yr on {Dates.Format(a.Envelope.EffectiveDate)} while {status}; record it once the facility operates");
                    break;
                }
            }
        }
    }

    /// <summary>The blocs of the vocabulary that no country is a member of after every membership change.</summary>
    public static IEnumerable<Problem> EmptyBlocs(IReadOnlyList<Located> standing)
    {
        var members = new HashSet<(string Country, string Bloc)>();
        foreach (var change in standing.OrderBy(a => a.Envelope.EffectiveDate).Select(a => MembershipChange.Of(a.Envelope.Data)))
        {
            if (change is { Joins: true } joins)
            {
                members.Add((joins.Country, joins.Bloc));
            }
            else if (change is { } leaves)
            {
                members.Remove((leaves.Country, leaves.Bloc));
            }
        }
        return Vocabularies.Blocs.Order(StringComparer.Ordinal)
            .Where(bloc => !members.Any(m => m.Bloc == bloc))
            .Select(bloc => new Problem("bloc", $"{bloc} is in the vocabulary but has no member"));
    }

    /// <summary>What the capacity rule follows of a facility: its status and its capacity.</summary>
    private readonly record struct FacilityStanding(string? Status, decimal? Capacity);

    /// <summary>How an event changes the standing of a facility.</summary>
    private sealed record CapacityChange(string FacilityId, Func<FacilityStanding, FacilityStanding> Next);

    /// <summary>
    /// The facility each event changes the standing of, and how; null for an event about no facility. A new event
    /// type fails the build here until it says what it does to a facility's status and capacity.
    /// </summary>
    private sealed class CapacityChangeOf : IEventVisitor<CapacityChange?>
    {
        public static readonly CapacityChangeOf Instance = new();

        public CapacityChange? Visit(FacilityRegistered e) =>
            new(e.FacilityId, _ => new FacilityStanding(e.Status, e.CapacityTonnesPerYear));

        public CapacityChange? Visit(FacilityStatusChanged e) =>
            new(e.FacilityId, s => s with { Status = e.Status });

        public CapacityChange? Visit(FacilityUpdated e) =>
            new(e.FacilityId, s => s with { Capacity = e.CapacityTonnesPerYear ?? s.Capacity });

        public CapacityChange? Visit(OrganizationRegistered e) => null;
        public CapacityChange? Visit(OrganizationUpdated e) => null;
        public CapacityChange? Visit(InvestmentMade e) => null;
        public CapacityChange? Visit(InvestmentStatusChanged e) => null;
        public CapacityChange? Visit(StakeChanged e) => null;
        public CapacityChange? Visit(PartnershipFormed e) => null;
        public CapacityChange? Visit(PartnershipStatusChanged e) => null;
        public CapacityChange? Visit(PartnershipEnded e) => null;
        public CapacityChange? Visit(SupplyAgreementSigned e) => null;
        public CapacityChange? Visit(SupplyAgreementStatusChanged e) => null;
        public CapacityChange? Visit(SupplyAgreementEnded e) => null;
        public CapacityChange? Visit(PolicyEnacted e) => null;
        public CapacityChange? Visit(PolicyAmended e) => null;
        public CapacityChange? Visit(PolicyRevoked e) => null;
        public CapacityChange? Visit(BlocJoined e) => null;
        public CapacityChange? Visit(BlocLeft e) => null;
        public CapacityChange? Visit(EventRetracted e) => null;
    }
}
