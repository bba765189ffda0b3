using System.Reflection;
using System.Text.Json;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain;

/// <summary>
/// The world as keyed entries (<c>org:id</c>, <c>deal:id</c>, <c>event:id</c>, ...), each a small JSON value, so that it
/// can be kept in a table and only the entries a batch of events can touch are read back. Applying an event changes
/// only entries named by its own fields (or, for a retraction, by the event it retracts), which is what
/// <see cref="KeysOf"/> lists.
/// </summary>
public sealed partial class World
{
    private const string EventKey = "event:", OrgKey = "org:", FacilityKey = "facility:", DealKey = "deal:", PolicyKey = "policy:",
        MemberKey = "member:", UndoKey = "undo:";

    private static readonly string[] EntityPrefixes = [EventKey, OrgKey, FacilityKey, DealKey, PolicyKey, UndoKey];

    /// <summary>
    /// The fields that name an entity or an event (<c>orgId</c>, <c>partyIds</c>, <c>eventId</c>, ...), each with the
    /// kinds of entry it can name: a facility, deal or policy field names that entity, an event field the event and its
    /// undo, every other id field (supplier, buyer, investor, target, operator, parties, beneficiaries) an organization.
    /// A field of a name not known here is looked up under every kind.
    /// </summary>
    private static readonly Dictionary<Type, (PropertyInfo Property, string[] Prefixes)[]> Texts = EventCatalog.Types.ToDictionary(t => t, t => t.GetProperties()
        .Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) || p.Name.EndsWith("Ids", StringComparison.Ordinal))
        .Where(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>))
        .Select(p => (p, PrefixesOf(p.Name))).ToArray());

    private static string[] PrefixesOf(string field) => field switch
    {
        "EventId" => [EventKey, UndoKey],
        "FacilityId" => [FacilityKey],
        "DealId" => [DealKey],
        "PolicyId" => [PolicyKey],
        "OrgId" or "SupplierId" or "BuyerId" or "InvestorId" or "TargetId" or "OperatorId" or "PartyIds" or "BeneficiaryIds" => [OrgKey],
        _ => EntityPrefixes,
    };

    /// <summary>Every entry the event may read or change: a superset, named by each id it holds.</summary>
    public static IEnumerable<string> KeysOf(EventEnvelope envelope)
    {
        yield return EventKey + envelope.Id;
        yield return UndoKey + envelope.Id;
        var data = envelope.Data;
        foreach (var (property, prefixes) in Texts[data.GetType()])
        {
            var values = property.GetValue(data) switch
            {
                string one => [one],
                IReadOnlyList<string> many => many,
                _ => [],
            };
            foreach (var value in values)
            {
                foreach (var prefix in prefixes)
                {
                    yield return prefix + value;
                }
            }
        }
        if (data.GetType().GetProperty("Country")?.GetValue(data) is string country && data.GetType().GetProperty("Bloc")?.GetValue(data) is string bloc)
        {
            yield return $"{MemberKey}{country}:{bloc}";
        }
    }

    /// <summary>The registration a retraction of this event would undo, when it is known.</summary>
    public EventEnvelope? Undoable(string eventId) => _undoable.GetValueOrDefault(eventId);

    /// <summary>The entry's value as JSON, or null when the world holds nothing under that key.</summary>
    public string? Entry(string key)
    {
        var (prefix, id) = Split(key);
        object? value = prefix switch
        {
            EventKey => _events.GetValueOrDefault(id),
            OrgKey => _organizations.Contains(id) ? true : null,
            FacilityKey => _facilityStatus.GetValueOrDefault(id),
            DealKey => _deals.GetValueOrDefault(id),
            PolicyKey => _policyRevoked.TryGetValue(id, out var revoked) ? revoked : null,
            MemberKey => _memberships.Contains(Pair(id)) ? true : null,
            UndoKey => _undoable.TryGetValue(id, out var envelope) ? EventJson.ToLine(envelope) : null,
            _ => throw new ArgumentException($"no such entry kind: {key}", nameof(key)),
        };
        return value is null ? null : JsonSerializer.Serialize(value, value.GetType(), EventJson.Options);
    }

    public void Load(string key, string json)
    {
        var (prefix, id) = Split(key);
        switch (prefix)
        {
            case EventKey: _events[id] = JsonSerializer.Deserialize<KnownEvent>(json, EventJson.Options)!; break;
            case OrgKey: _organizations.Add(id); break;
            case FacilityKey: _facilityStatus[id] = JsonSerializer.Deserialize<string>(json)!; break;
            case DealKey: _deals[id] = JsonSerializer.Deserialize<DealState>(json, EventJson.Options)!; break;
            case PolicyKey: _policyRevoked[id] = JsonSerializer.Deserialize<bool>(json); break;
            case MemberKey: _memberships.Add(Pair(id)); break;
            case UndoKey:
                _undoable[id] = EnvelopeParser.Parse(JsonSerializer.Deserialize<string>(json)!).Envelope
                    ?? throw new InvalidOperationException($"the stored entry {key} is not an event of the catalog");
                break;
            default: throw new ArgumentException($"no such entry kind: {key}", nameof(key));
        }
    }

    /// <summary>Every entry, for writing the whole world once (a store that kept none yet).</summary>
    public IEnumerable<string> Keys() =>
        _events.Keys.Select(k => EventKey + k).Concat(_organizations.Select(k => OrgKey + k)).Concat(_facilityStatus.Keys.Select(k => FacilityKey + k))
            .Concat(_deals.Keys.Select(k => DealKey + k)).Concat(_policyRevoked.Keys.Select(k => PolicyKey + k))
            .Concat(_memberships.Select(m => $"{MemberKey}{m.Country}:{m.Bloc}")).Concat(_undoable.Keys.Select(k => UndoKey + k));

    private static (string Prefix, string Id) Split(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal) + 1;
        return (key[..colon], key[colon..]);
    }

    private static (string Country, string Bloc) Pair(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return (id[..colon], id[(colon + 1)..]);
    }
}
