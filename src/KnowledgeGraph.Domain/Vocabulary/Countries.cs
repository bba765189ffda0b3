using System.Reflection;

namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>ISO 3166-1 alpha-2 countries, shipped as data (Vocabulary/countries.tsv).</summary>
public static class Countries
{
    public static IReadOnlyDictionary<string, string> NamesByCode { get; } = Load();

    public static bool IsKnown(string code) => NamesByCode.ContainsKey(code);

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("countries.tsv")
            ?? throw new InvalidOperationException("countries.tsv is not embedded in the domain assembly");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            names[parts[0]] = parts[1];
        }
        return names;
    }
}
