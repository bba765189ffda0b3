using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

/// <summary>
/// A record's facts as the stores keep them: a JSON object of its own properties (camelCase, vocabularies by their
/// wire names, nulls kept), without what every node or relationship has (label or type, ends, key, validity, event
/// ids), which the stores keep apart. Derived facts are not stored: they are derived again by the record. A deal adds
/// its <c>kind</c>, which says which record it is read back as.
/// </summary>
public static class GraphJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(WireName.Policy, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OwnFactsOnly } },
    };

    private static readonly Dictionary<string, Type> NodeTypes = new(StringComparer.Ordinal)
    {
        [Labels.Organization] = typeof(Organization),
        [Labels.Facility] = typeof(Facility),
        [Labels.Policy] = typeof(Policy),
        [Labels.Country] = typeof(Country),
        [Labels.Bloc] = typeof(Bloc),
        [Labels.Category] = typeof(Category),
        [Labels.Product] = typeof(Product),
    };

    private static readonly Dictionary<DealKind, Type> DealTypes = new()
    {
        [DealKind.Investment] = typeof(Investment),
        [DealKind.Partnership] = typeof(Partnership),
        [DealKind.Supply] = typeof(SupplyAgreement),
    };

    private static readonly Dictionary<string, Type> EdgeTypes = new(StringComparer.Ordinal)
    {
        [Relationships.BasedIn] = typeof(BasedIn),
        [Relationships.Needs] = typeof(Needs),
        [Relationships.Operates] = typeof(Operates),
        [Relationships.LocatedIn] = typeof(LocatedIn),
        [Relationships.Produces] = typeof(Produces),
        [Relationships.MemberOf] = typeof(MemberOf),
        [Relationships.Supplies] = typeof(Supplies),
        [Relationships.InvestedIn] = typeof(InvestedIn),
        [Relationships.Owns] = typeof(Owns),
        [Relationships.PartyTo] = typeof(PartyTo),
        [Relationships.EnactedBy] = typeof(EnactedBy),
        [Relationships.Covers] = typeof(Covers),
        [Relationships.Benefits] = typeof(Benefits),
        [Relationships.Targets] = typeof(Targets),
        [Relationships.InCategory] = typeof(InCategory),
    };

    public static JsonObject Of(GraphNode node)
    {
        var facts = JsonSerializer.SerializeToNode(node, node.GetType(), Options)!.AsObject();
        if (node is Deal deal)
        {
            facts["kind"] = WireName.Of(deal.Kind);
        }
        return facts;
    }

    public static JsonObject Of(GraphEdge edge) => JsonSerializer.SerializeToNode(edge, edge.GetType(), Options)!.AsObject();

    public static GraphNode Node(string label, string id, DateOnly? validFrom, IReadOnlyList<string> eventIds, JsonObject facts) =>
        Read(NodeType(label, () => facts["kind"]?.GetValue<string>()), facts, id, validFrom, eventIds);

    public static GraphNode Node(string label, string id, DateOnly? validFrom, IReadOnlyList<string> eventIds, string facts) =>
        Read(NodeType(label, () => JsonSerializer.Deserialize<KindOnly>(facts, Options)?.Kind), facts, id, validFrom, eventIds);

    public static GraphEdge Edge(string type, string fromLabel, string fromId, string toLabel, string toId, string key,
        DateOnly validFrom, DateOnly? validTo, IReadOnlyList<string> eventIds, JsonObject facts) =>
        Facts<GraphEdge>(facts.Deserialize(EdgeType(type), Options), type) with
        {
            FromLabel = fromLabel,
            FromId = fromId,
            ToLabel = toLabel,
            ToId = toId,
            Key = key,
            ValidFrom = validFrom,
            ValidTo = validTo,
            EventIds = eventIds,
        };

    public static GraphEdge Edge(string type, string fromLabel, string fromId, string toLabel, string toId, string key,
        DateOnly validFrom, DateOnly? validTo, IReadOnlyList<string> eventIds, string facts) =>
        Facts<GraphEdge>(JsonSerializer.Deserialize(facts, EdgeType(type), Options), type) with
        {
            FromLabel = fromLabel,
            FromId = fromId,
            ToLabel = toLabel,
            ToId = toId,
            Key = key,
            ValidFrom = validFrom,
            ValidTo = validTo,
            EventIds = eventIds,
        };

    private static GraphNode Read(Type type, JsonObject facts, string id, DateOnly? validFrom, IReadOnlyList<string> eventIds) =>
        Facts<GraphNode>(facts.Deserialize(type, Options), type.Name) with { Id = id, ValidFrom = validFrom, EventIds = eventIds };

    private static GraphNode Read(Type type, string facts, string id, DateOnly? validFrom, IReadOnlyList<string> eventIds) =>
        Facts<GraphNode>(JsonSerializer.Deserialize(facts, type, Options), type.Name) with { Id = id, ValidFrom = validFrom, EventIds = eventIds };

    private static Type NodeType(string label, Func<object?> kind)
    {
        if (label != Labels.Deal)
        {
            return NodeTypes.TryGetValue(label, out var type) ? type : throw new InvalidOperationException($"no node record for the label '{label}'");
        }
        return kind() switch
        {
            DealKind k => DealTypes[k],
            string text => DealTypes[WireName.Parse<DealKind>(text)],
            _ => throw new InvalidOperationException("a stored deal without its kind"),
        };
    }

    private static Type EdgeType(string type) =>
        EdgeTypes.TryGetValue(type, out var record) ? record : throw new InvalidOperationException($"no relationship record for the type '{type}'");

    private static T Facts<T>(object? read, string what) where T : class =>
        read as T ?? throw new InvalidOperationException($"stored facts of a {what} that are not an object");

    /// <summary>Only a record's own settable properties are facts: not the common ones, not what it derives.</summary>
    private static void OwnFactsOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !(info.Type.IsSubclassOf(typeof(GraphNode)) || info.Type.IsSubclassOf(typeof(GraphEdge))))
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            var declaring = (property.AttributeProvider as PropertyInfo)?.DeclaringType;
            if (property.Set is null || declaring == typeof(GraphNode) || declaring == typeof(GraphEdge))
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }

    private sealed record KindOnly(DealKind Kind);
}
