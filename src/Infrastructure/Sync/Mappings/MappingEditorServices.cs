using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Sync.Mappings;

public static class MappingEditorServices
{
    /// <summary>What the mapping editor needs besides <see cref="MappingService"/>: live samples and the impact preview.</summary>
    public static IServiceCollection AddMappingEditor(this IServiceCollection services)
    {
        services.AddSingleton<SampleRecords>();
        services.AddSingleton<MappingImpact>();
        return services;
    }
}
