using GraphQL;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// Writes GraphQL results, and refusals shaped as GraphQL errors, in the negotiated media type (UTF-8). A result
/// larger than KG_GRAPHQL_MAX_RESPONSE_BYTES is not sent: the client gets an error saying so instead.
/// </summary>
internal sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer, GraphQLLimits limits)
{
    public const string TooLargeCode = "RESPONSE_TOO_LARGE";

    /// <summary>Why an answer was not sent.</summary>
    public string TooLarge => $"The answer is over {limits.MaxResponseBytes} bytes (KG_GRAPHQL_MAX_RESPONSE_BYTES) and was not sent; ask for fewer items or fields";

    /// <summary>A result as JSON text, for the transports that send results one at a time; null when it is over the cap.</summary>
    public string? SerializeWithinCap(ExecutionResult result)
    {
        var json = serializer.Serialize(result);
        return System.Text.Encoding.UTF8.GetByteCount(json) <= limits.MaxResponseBytes ? json : null;
    }

    public async Task WriteResultAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        using var buffer = new CappedBuffer(limits.MaxResponseBytes);
        try
        {
            await serializer.WriteAsync(buffer, result, http.RequestAborted);
        }
        catch (ResponseTooLargeException)
        {
            await WriteErrorAsync(http, mediaType, mediaType == GraphQLMediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                TooLargeCode, TooLarge);
            return;
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    public static Task WriteProblemAsync(HttpContext http, string mediaType, RequestProblem problem) =>
        WriteErrorAsync(http, mediaType, problem.Status, problem.Code, problem.Message);

    public static Task WriteNotAcceptableAsync(HttpContext http) =>
        WriteErrorAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
            $"Nothing this endpoint sends is acceptable: accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'");

    /// <summary>A GraphQL-shaped error for a request that never reached GraphQL (no <c>data</c> entry: nothing ran).</summary>
    public static async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(
            new { errors = new[] { new { message, extensions = new { code } } } },
            options: null,
            contentType: $"{mediaType}; charset=utf-8",
            http.RequestAborted);
    }

    private sealed class ResponseTooLargeException : Exception;

    /// <summary>A memory buffer that refuses to grow past its cap, so that an oversized answer is never held whole.</summary>
    private sealed class CappedBuffer(int cap) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        private void Check(int count)
        {
            if (Length + count > cap)
            {
                throw new ResponseTooLargeException();
            }
        }
    }
}
