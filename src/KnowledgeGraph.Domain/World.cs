using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Domain;

public enum DealKind { Investment, Partnership, SupplyAgreement }

/// <summary>A deal as validation sees it; <see cref="Instrument"/> and <see cref="StakePercent"/> for investments only.</summary>
public sealed record DealState(DealKind Kind, string Status, bool Ended, string? Instrument = null, decimal? StakePercent = null);

/// <summary>An event already stored: enough to detect duplicates and to route retractions.</summary>
public sealed record KnownEvent(string Fingerprint, string Type, string Stream, string? RetractedBy);

/// <summary>
/// What validation needs to know of the events stored so far: which entities exist, deal and policy states,
/// bloc memberships and event ids. Built by applying events in store order; pure.
/// </summary>
public sealed partial class World
{
    private readonly Dictionary<string, KnownEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventEnvelope> _undoable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _facilityStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DealState> _deals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _policyRevoked = new(StringComparer.Ordinal);
    private readonly HashSet<(string Country, string Bloc)> _memberships = [];

    public int EventCount => _events.Count;

    public KnownEvent? FindEvent(string id) => _events.GetValueOrDefault(id);

    public bool HasOrganization(string id) => _organizations.Contains(id);

    public string? FacilityStatus(string id) => _facilityStatus.GetValueOrDefault(id);

    public DealState? Deal(string id) => _deals.GetValueOrDefault(id);

    /// <summary>null when no such policy, otherwise whether it has been revoked.</summary>
    public bool? PolicyRevoked(string id) => _policyRevoked.TryGetValue(id, out var revoked) ? revoked : null;

    public bool IsMember(string country, string bloc) => _memberships.Contains((country, bloc));

    /// <summary>The stream of an event; a retraction joins the stream of the event it retracts.</summary>
    public string StreamOf(EventEnvelope envelope) =>
        EventCatalog.StreamOf(envelope.Data)
        ?? _events[((EventRetracted)envelope.Data).EventId].Stream;

    public void Apply(EventEnvelope envelope, string fingerprint)
    {
        var stream = StreamOf(envelope);
        _events[envelope.Id] = new KnownEvent(fingerprint, envelope.Type, stream, null);
        switch (envelope.Data)
        {
            case OrganizationRegistered e:
                _organizations.Add(e.OrgId);
                _undoable[envelope.Id] = envelope;
                break;
            case FacilityRegistered e:
                _facilityStatus[e.FacilityId] = e.Status;
                _undoable[envelope.Id] = envelope;
                break;
            case FacilityStatusChanged e:
                _facilityStatus[e.FacilityId] = e.Status;
                break;
            case InvestmentMade e:
                _deals[e.DealId] = new DealState(DealKind.Investment, e.Status, false, e.Instrument, e.StakePercent);
                _undoable[envelope.Id] = envelope;
                break;
            case InvestmentStatusChanged e:
                _deals[e.DealId] = _deals[e.DealId] with { Status = e.Status };
                break;
            case StakeChanged e:
                _deals[e.DealId] = _deals[e.DealId] with { StakePercent = e.StakePercent };
                break;
            case PartnershipStatusChanged e:
                _deals[e.DealId] = _deals[e.DealId] with { Status = e.Status };
                break;
            case SupplyAgreementStatusChanged e:
                _deals[e.DealId] = _deals[e.DealId] with { Status = e.Status };
                break;
            case PartnershipFormed e:
                _deals[e.DealId] = new DealState(DealKind.Partnership, e.Status, false);
                _undoable[envelope.Id] = envelope;
                break;
            case SupplyAgreementSigned e:
                _deals[e.DealId] = new DealState(DealKind.SupplyAgreement, e.Status, false);
                _undoable[envelope.Id] = envelope;
                break;
            case PartnershipEnded e:
                _deals[e.DealId] = _deals[e.DealId] with { Ended = true };
                break;
            case SupplyAgreementEnded e:
                _deals[e.DealId] = _deals[e.DealId] with { Ended = true };
                break;
            case PolicyEnacted e:
                _policyRevoked[e.PolicyId] = false;
                _undoable[envelope.Id] = envelope;
                break;
            case PolicyRevoked e:
                _policyRevoked[e.PolicyId] = true;
                break;
            case BlocJoined e:
                _memberships.Add((e.Country, e.Bloc));
                _undoable[envelope.Id] = envelope;
                break;
            case BlocLeft e:
                _memberships.Remove((e.Country, e.Bloc));
                _undoable[envelope.Id] = envelope;
                break;
            case EventRetracted e:
                Retract(e.EventId, envelope.Id);
                break;
        }
    }

    /// <summary>
    /// A retracted registration no longer exists for what comes after, a retracted membership change is undone; a retracted status change
    /// keeps the status it set (validation does not re-fold a stream's history).
    /// </summary>
    private void Retract(string eventId, string retractionId)
    {
        _events[eventId] = _events[eventId] with { RetractedBy = retractionId };
        if (_undoable.Remove(eventId, out var registration))
        {
            switch (registration.Data)
            {
                case OrganizationRegistered r: _organizations.Remove(r.OrgId); break;
                case FacilityRegistered r: _facilityStatus.Remove(r.FacilityId); break;
                case InvestmentMade r: _deals.Remove(r.DealId); break;
                case PartnershipFormed r: _deals.Remove(r.DealId); break;
                case SupplyAgreementSigned r: _deals.Remove(r.DealId); break;
                case PolicyEnacted r: _policyRevoked.Remove(r.PolicyId); break;
                case BlocJoined r: _memberships.Remove((r.Country, r.Bloc)); break;
                case BlocLeft r: _memberships.Add((r.Country, r.Bloc)); break;
            }
        }
    }
}
