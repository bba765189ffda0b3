using System.Text.Json;

namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>The one mapping between a vocabulary's members and their names on the wire (kebab-case).</summary>
public static class WireName
{
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.KebabCaseLower;

    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    /// <summary>The member named <paramref name="name"/> on the wire; a name outside the vocabulary is refused, naming both.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(name, out var value) ? value
            : throw new FormatException($"'{name}' is not a {typeof(T).Name} (one of {string.Join(", ", Names<T>.All)})");

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.All;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, v => Policy.ConvertName(v.ToString()));
        public static readonly Dictionary<string, T> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        public static readonly IReadOnlyList<string> All = [.. ByValue.Values];
    }
}
