using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>How a request presented itself: no key, a key from KG_API_KEYS, or a key that is not one of them.</summary>
internal enum Credentials
{
    Anonymous,
    ValidKey,
    InvalidKey,
}

/// <summary>The API keys that may write (KG_API_KEYS, comma-separated), checked against <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
internal sealed class ApiKeys
{
    private readonly byte[][] _hashes;

    public ApiKeys(string? commaSeparatedKeys) =>
        _hashes = (commaSeparatedKeys ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Hash)
            .ToArray();

    public Credentials Check(StringValues authorization)
    {
        if (StringValues.IsNullOrEmpty(authorization))
        {
            return Credentials.Anonymous;
        }
        var header = authorization.ToString();
        const string scheme = "Bearer ";
        if (authorization.Count != 1 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Credentials.InvalidKey;
        }
        // Hashing first makes every comparison the same length, and every configured key is compared, so the time
        // taken tells nothing about how much of a key was right.
        var presented = Hash(header[scheme.Length..].Trim());
        var match = false;
        foreach (var hash in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(presented, hash);
        }
        return match ? Credentials.ValidKey : Credentials.InvalidKey;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
