using System.Globalization;

namespace KnowledgeGraph.Api;

/// <summary>Reads a KG_* setting with its default, failing at start-up with what is wrong rather than running misconfigured.</summary>
internal static class SettingReader
{
    public static int Whole(Func<string, string?> setting, string key, int fallback) => setting(key) switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a whole number above 0"),
    };

    public static TimeSpan Seconds(Func<string, string?> setting, string key, double fallback) => TimeSpan.FromSeconds(setting(key) switch
    {
        null or "" => fallback,
        var text when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a number of seconds above 0 (e.g. 10 or 0.5)"),
    });
}
