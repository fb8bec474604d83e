using System.Security.Cryptography;
using System.Text;

namespace Notify.Workflows.Access;

/// <summary>
/// A key a host system sends in <c>X-Api-Key</c>. Only a SHA-256 hash of its secret is stored; the key itself is
/// shown once, when created. The prefix finds the row, the hash proves the secret.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public List<string> Scopes { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a key and returns it with the plain text, which is never stored.</summary>
    public static (ApiKey Key, string PlainText) Create(string name, IEnumerable<string> scopes, DateTime now)
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var key = new ApiKey
        {
            Id = Guid.NewGuid(), Name = name.Trim(), Prefix = prefix, SecretHash = Hash(secret),
            Scopes = scopes.Distinct().ToList(), CreatedAt = now,
        };
        return (key, $"ntf_{prefix}_{secret}");
    }

    public static bool TrySplit(string plainText, out string prefix, out string secret)
    {
        var parts = plainText.Split('_', 3);
        (prefix, secret) = parts.Length == 3 && parts[0] == "ntf" ? (parts[1], parts[2]) : ("", "");
        return prefix.Length > 0 && secret.Length > 0;
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public void MarkUsed(DateTime now) => LastUsedAt = now;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
