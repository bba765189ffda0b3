using System.Globalization;
using GraphQL.Types;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A page of a list, the Relay way: its edges (a cursor and a node each), the size of the whole list, and whether more follow.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, int TotalCount, bool HasNextPage)
{
    public PageInfo PageInfo => new(HasNextPage, Edges.Count > 0 ? Edges[^1].Cursor : null);
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

internal static class Connections
{
    /// <summary>A page the store cut itself, after the node whose id is the cursor.</summary>
    public static Connection<GraphNode> ById(Page<GraphNode> page) =>
        new(page.Items.Select(n => new Edge<GraphNode>(n.Id, n)).ToList(), page.TotalCount, page.HasNextPage);

    /// <summary>A page of a page the store cut at a position (<paramref name="offset"/>): cursors are positions in the whole list.</summary>
    public static Connection<T> AtOffset<T>(Page<T> page, int offset) =>
        new(page.Items.Select((item, i) => new Edge<T>(Position(offset + i + 1), item)).ToList(), page.TotalCount, page.HasNextPage);

    /// <summary>A page of a whole answer computed at once; the cursor is a position in it.</summary>
    public static Connection<T> Slice<T>(IReadOnlyList<T> all, string? after, int first)
    {
        var offset = Offset(after);
        return AtOffset(Pages.Of(all, offset, first), offset);
    }

    /// <summary>How many items come before the one after the cursor (0 without a cursor).</summary>
    public static int Offset(string? after) => after is null ? 0
        : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0 ? position
        : throw new QueryInputException("after", $"'{after}' is not a cursor of this list (use an endCursor or an edge's cursor)");

    private static string Position(int position) => position.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>XConnection</c> of a node type <c>XType</c>: <c>totalCount</c>, <c>pageInfo</c>, <c>edges { cursor node }</c> and
/// <c>nodes</c>. Its cost is the page's <c>first</c> times what is selected under <c>edges</c> or <c>nodes</c>.
/// </summary>
public sealed class ConnectionType<TNodeType, T> : ObjectGraphType<Connection<T>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = NodeName();
        Name = $"{node}Connection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("The whole list's length, every page together.").Resolve(ctx => ctx.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges").Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(ctx => ctx.Source.Edges.Select(e => e.Node).ToList());
    }

    /// <summary>Organization for OrganizationType, Node for NodeInterface.</summary>
    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^"Type".Length]
            : name.EndsWith("Interface", StringComparison.Ordinal) ? name[..^"Interface".Length]
            : name;
    }
}

public sealed class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = $"{ConnectionType<TNodeType, T>.NodeName()}Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass it as after to read on from here.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("The last edge's cursor; null on an empty page.").Resolve(ctx => ctx.Source.EndCursor);
    }
}
