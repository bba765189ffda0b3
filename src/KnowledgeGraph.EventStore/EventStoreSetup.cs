using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using KnowledgeGraph.Domain.Events;
using Marten;
using Weasel.Core;

namespace KnowledgeGraph.EventStore;

/// <summary>The one Marten configuration used by the API, the CLI and the tests.</summary>
public static class EventStoreSetup
{
    public const string Schema = "kg_events";

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = Schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.HeadersEnabled = true;
        // A NOTIFY with every append, whichever process appends: it wakes the daemon and the API's event feeds at once.
        options.Events.UseListenNotifyForEventAppends = true;
        foreach (var type in EventCatalog.Types)
        {
            // The catalog name, not Marten's snake_case alias, so that the store reads like the import files.
            options.Events.MapEventType(type, type.Name);
        }
    }

    public static DocumentStore CreateStore(string connectionString) =>
        DocumentStore.For(options => Configure(options, connectionString));
}
