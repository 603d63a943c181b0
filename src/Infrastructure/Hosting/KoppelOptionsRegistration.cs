using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.Hosting;

public static class KoppelOptionsRegistration
{
    /// <summary>
    /// Binds one configuration section to its options class once, checks it when the hub starts (a bad value stops
    /// the start with a message naming the key), and registers the bound value itself so services take it directly.
    /// </summary>
    /// <param name="defaults">Defaults that depend on the host (the environment), applied before the section, which wins.</param>
    public static OptionsBuilder<T> AddKoppelOptions<T>(this IServiceCollection services, string section, Action<T>? defaults = null) where T : class
    {
        var builder = services.AddOptions<T>();
        if (defaults is not null) builder.Configure(defaults);
        builder.BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return builder;
    }
}
