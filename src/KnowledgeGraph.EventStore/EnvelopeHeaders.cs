using System.Text.Json;
using JasperFx.Events;
using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.EventStore;

/// <summary>
/// The import envelope travels with each stored event as one Marten header: its import id, effective date, source
/// and fingerprint. The graph and GraphQL read provenance from here.
/// </summary>
/// <remarks>
/// One header holding a JSON string, because Marten reads header values back as loosely typed objects and turns
/// date-like strings into <see cref="DateTime"/>s: a string of JSON comes back exactly as written.
/// </remarks>
public static class EnvelopeHeaders
{
    private const string Header = "envelope";

    private sealed record Stored(string Id, DateOnly EffectiveDate, Source Source, string Fingerprint);

    public static void Write(IEvent stored, EventEnvelope envelope, string fingerprint) =>
        stored.SetHeader(Header, JsonSerializer.Serialize(
            new Stored(envelope.Id, envelope.EffectiveDate, envelope.Source, fingerprint), EventJson.Options));

    public static EventEnvelope Read(IEvent stored)
    {
        var header = ReadHeader(stored);
        return new EventEnvelope(header.Id, header.EffectiveDate, header.Source, stored.Data as CatalogEvent
            ?? throw new InvalidOperationException($"stored event {stored.Sequence} ({stored.EventTypeName}) is not an event of the catalog"));
    }

    public static string FingerprintOf(IEvent stored) => ReadHeader(stored).Fingerprint;

    public static bool HasEnvelope(IEvent stored) => stored.GetHeader(Header) is not null;

    /// <summary>
    /// Marten fills the sequence numbers of an append the database refused with "tombstone" events: they hold no
    /// fact, and every reader of the store passes over them.
    /// </summary>
    public static bool IsTombstone(IEvent stored) => stored.EventTypeName == "tombstone";

    private static Stored ReadHeader(IEvent stored) =>
        stored.GetHeader(Header)?.ToString() is { } json
            ? JsonSerializer.Deserialize<Stored>(json, EventJson.Options)!
            : throw new InvalidOperationException(
                $"stored event {stored.Sequence} ({stored.EventTypeName}) has no envelope header; it was not written by the importer");
}
