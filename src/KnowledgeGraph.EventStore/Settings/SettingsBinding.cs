using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.EventStore.Settings;

/// <summary>
/// Settings are options classes, one per concern, whose properties carry their KG_* name (<c>[ConfigurationKeyName]</c>,
/// the one place a name is written), their default and their rule (<see cref="AboveZeroAttribute"/>, ...). They are
/// bound from configuration (environment variables) and validated before anything uses them: a bad value stops the
/// process at start with the setting's name and what is wrong with the value, never a silent default.
/// </summary>
public static class SettingsBinding
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as validated-at-start options (and as itself, for the classes that take it),
    /// and returns it validated now, for the registrations that need a value before the container is built.
    /// </summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration) where T : class, new()
    {
        services.AddOptions<T>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return Read<T>(configuration);
    }

    /// <summary>Binds and validates <typeparamref name="T"/> by the same rules, outside a container (the CLI, start-up).</summary>
    public static T Read<T>(IConfiguration configuration) where T : class, new()
    {
        var settings = new T();
        configuration.Bind(settings);
        var result = new DataAnnotationValidateOptions<T>(Options.DefaultName).Validate(Options.DefaultName, settings);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : settings;
    }

    /// <summary>The process's environment variables as configuration, for the CLI and the tools.</summary>
    public static IConfiguration Environment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();
}
