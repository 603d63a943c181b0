using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog;
using Mapster;

namespace Koppel.Infrastructure;

/// <summary>
/// The Infrastructure layer's object-to-object copies (Mapster), configured here once and compiled at first use.
/// Records of a tenant's data are mapped by the rules in Domain/Mapping, never by this.
/// </summary>
public static class InfrastructureCopies
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        // A snapshot of a run for progress displays: the live object goes on changing under the run.
        config.NewConfig<SyncRun, SyncRun>();
        // A row of the log viewer: the entry without its payloads (translated into the query's SELECT).
        config.NewConfig<SyncLogEntry, LogRow>();
        config.Compile();
        return config;
    }
}
