using Notify.Workflows.Access;

namespace Notify.Workflows.Tests.Access;

public class SignInCodeTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RightCode_WorksOnce()
    {
        var (code, plain) = SignInCode.Create("user", Now);

        Assert.Matches("^[0-9]{6}$", plain);
        Assert.True(code.TryUse(plain, Now.AddMinutes(1)));
        Assert.False(code.TryUse(plain, Now.AddMinutes(2)));
    }

    [Fact]
    public void Code_ExpiresAfterFifteenMinutes()
    {
        var (code, plain) = SignInCode.Create("user", Now);

        Assert.False(code.TryUse(plain, Now.AddMinutes(15)));
    }

    [Fact]
    public void FiveWrongTries_BurnTheCode()
    {
        var (code, plain) = SignInCode.Create("user", Now);
        var wrong = plain == "000000" ? "111111" : "000000";
        for (var i = 0; i < SignInCode.MaxTries; i++)
        {
            Assert.False(code.TryUse(wrong, Now));
        }

        Assert.False(code.TryUse(plain, Now));
    }

    [Fact]
    public void ApiKey_PlainTextIsNotStored_AndOnlyItsSecretMatches()
    {
        var (key, plain) = ApiKey.Create("x", [ApiKeyScope.Read], Now);

        Assert.True(ApiKey.TrySplit(plain, out var prefix, out var secret));
        Assert.Equal(key.Prefix, prefix);
        Assert.True(key.Matches(secret));
        Assert.False(key.Matches(secret + "x"));
        Assert.DoesNotContain(secret, key.SecretHash);
    }
}
