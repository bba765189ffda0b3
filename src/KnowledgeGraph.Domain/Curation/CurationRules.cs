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
            .Where(a => a.Envelope.Data is FacilityRegistered or FacilityStatusChanged or FacilityUpdated)
            .GroupBy(a => a.Envelope.Data switch
            {
                FacilityRegistered r => r.FacilityId,
                FacilityStatusChanged s => s.FacilityId,
                FacilityUpdated u => u.FacilityId,
                _ => throw new InvalidOperationException(),
            }, StringComparer.Ordinal);
        foreach (var facility in byFacility)
        {
            string? status = null;
            decimal? capacity = null;
            foreach (var a in facility.OrderBy(a => a.Envelope.EffectiveDate))
            {
                (status, capacity) = a.Envelope.Data switch
                {
                    FacilityRegistered r => (r.Status, r.CapacityTonnesPerYear),
                    FacilityStatusChanged s => (s.Status, capacity),
                    FacilityUpdated u => (status, u.CapacityTonnesPerYear ?? capacity),
                    _ => (status, capacity),
                };
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
        foreach (var a in standing.OrderBy(a => a.Envelope.EffectiveDate))
        {
            switch (a.Envelope.Data)
            {
                case BlocJoined j: members.Add((j.Country, j.Bloc)); break;
                case BlocLeft l: members.Remove((l.Country, l.Bloc)); break;
            }
        }
        return Vocabularies.Blocs.Order(StringComparer.Ordinal)
            .Where(bloc => !members.Any(m => m.Bloc == bloc))
            .Select(bloc => new Problem("bloc", $"{bloc} is in the vocabulary but has no member"));
    }
}
