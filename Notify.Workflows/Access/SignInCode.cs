using System.Security.Cryptography;
using System.Text;

namespace Notify.Workflows.Access;

/// <summary>A one-time sign-in code sent by SMS or email: works once, for 15 minutes, with at most five tries.</summary>
public sealed class SignInCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public const int MaxTries = 5;

    private SignInCode()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public int Tries { get; private set; }

    public static (SignInCode Code, string PlainText) Create(string userId, DateTime now)
    {
        var plain = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var code = new SignInCode { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, ExpiresAt = now + Lifetime };
        code.CodeHash = code.Hash(plain);
        return (code, plain);
    }

    /// <summary>True once: the right code, in time, within the tries. Every call counts as a try.</summary>
    public bool TryUse(string plainText, DateTime now)
    {
        if (UsedAt is not null || now >= ExpiresAt || Tries >= MaxTries)
        {
            return false;
        }

        Tries++;
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(plainText.Trim())), Encoding.ASCII.GetBytes(CodeHash));
        if (ok)
        {
            UsedAt = now;
        }

        return ok;
    }

    private string Hash(string plain) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id:N}:{plain}")));
}
