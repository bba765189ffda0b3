using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>The media types of the GraphQL-over-HTTP specification, and the choice between them from <c>Accept</c>.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response media type for an <c>Accept</c> header, or null when it accepts neither. Without the header, and for
    /// wildcards, the specification asks for <c>application/json</c> (what clients older than the specification expect);
    /// at equal quality, <c>application/graphql-response+json</c> wins, since its status codes carry more meaning.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }
        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var candidate = Candidate(range);
            if (candidate is null || quality <= 0)
            {
                continue;
            }
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse))
            {
                (best, bestQuality) = (candidate, quality);
            }
        }
        return best;
    }

    /// <summary>True when the client asks for a web page by name, as a browser does, rather than through a wildcard.</summary>
    public static bool AcceptsHtml(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1.0) > 0);

    /// <summary>True for <c>application/json</c> in UTF-8 (stated or assumed), the one request body the specification requires.</summary>
    public static bool IsJsonBody(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static string? Candidate(MediaTypeHeaderValue range) => range.MediaType.Value?.ToLowerInvariant() switch
    {
        GraphQLResponse => GraphQLResponse,
        Json or "application/*" or "*/*" => Json,
        _ => null,
    };
}
