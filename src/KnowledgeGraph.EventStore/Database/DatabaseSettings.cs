using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.EventStore.Database;

/// <summary>Where the product's database is: the operator's (KG_POSTGRES) or the embedded cluster's folder, port and programs.</summary>
public sealed class DatabaseSettings
{
    /// <summary>The connection string of the PostgreSQL to use; nothing is started when it is set.</summary>
    [ConfigurationKeyName("KG_POSTGRES")]
    public string? Postgres { get; set; }

    /// <summary>The folder of the embedded PostgreSQL (default: <c>.data/</c> at the top of the repository).</summary>
    [ConfigurationKeyName("KG_DATA_DIR")]
    public string? DataDirectory { get; set; }

    /// <summary>The port the embedded PostgreSQL starts on (default: 55432, or a free one).</summary>
    [ConfigurationKeyName("KG_PG_PORT"), Port]
    public int? Port { get; set; }

    /// <summary>The folder of <c>initdb</c> and <c>pg_ctl</c> (default: found on the machine).</summary>
    [ConfigurationKeyName("KG_PG_BIN")]
    public string? ProgramsFolder { get; set; }

    public bool IsExternal => !string.IsNullOrWhiteSpace(Postgres);

    public static DatabaseSettings FromEnvironment() => SettingsBinding.Read<DatabaseSettings>(SettingsBinding.Environment());
}
