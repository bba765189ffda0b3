using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Domain;

public enum DealKind { Investment, Partnership, SupplyAgreement }

/// <summary>A deal as validation sees it; <see cref="Instrument"/> and <see cref="StakePercent"/> for investments only.</summary>
public sealed record DealState(DealKind Kind, string Status, bool Ended, string? Instrument = null, decimal? StakePercent = null);

/// <summary>An event already stored: enough to detect duplicates and to route retractions.</summary>
public sealed record KnownEvent(string Fingerprint, string Type, StreamId Stream, string? RetractedBy);

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
    public StreamId StreamOf(EventEnvelope envelope) => envelope.Data.StreamIn(id => _events[id].Stream);

    public void Apply(EventEnvelope envelope, string fingerprint)
    {
        _events[envelope.Id] = new KnownEvent(fingerprint, envelope.Type, StreamOf(envelope), null);
        var effect = envelope.Data.Accept(new Effects(this, envelope.Id));
        effect.Do();
        if (effect.Undo is not null)
        {
            _undoable[envelope.Id] = envelope;
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
            registration.Data.Accept(new Effects(this, eventId)).Undo?.Invoke();
        }
    }
}
