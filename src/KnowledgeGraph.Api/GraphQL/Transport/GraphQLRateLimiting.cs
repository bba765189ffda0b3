using System.Globalization;
using System.Threading.RateLimiting;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// A fixed one-minute window of KG_RATE_LIMIT_PER_MINUTE requests per client IP address on <c>/graphql</c>; past it,
/// 429 with <c>Retry-After</c> and a GraphQL-shaped error. Behind a reverse proxy, the proxy must pass the client's
/// address (forwarded headers), or all clients share one window.
/// </summary>
internal static class GraphQLRateLimiting
{
    public const string Policy = "graphql";

    public static IServiceCollection AddGraphQLRateLimiting(this IServiceCollection services, GraphQLLimits limits) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                GraphQLRequestContext.ClientOf(http),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RateLimitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var mediaType = GraphQLMediaTypes.Negotiate(context.HttpContext.Request.Headers.Accept) ?? GraphQLMediaTypes.Json;
                await GraphQLResponseWriter.WriteErrorAsync(context.HttpContext, mediaType, StatusCodes.Status429TooManyRequests,
                    "RATE_LIMITED",
                    $"More than {limits.RateLimitPerMinute} requests in a minute from this address (KG_RATE_LIMIT_PER_MINUTE); try again in {seconds} s");
            };
        });
}
