using Notify.Workflows.Channels.Sms;

namespace Notify.Workflows.Tests.Channels;

public class TwilioSignatureTests
{
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Dictionary<string, string> Parameters(string caller) => new()
    {
        ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = caller, ["Digits"] = "1234", ["From"] = caller, ["To"] = "+18005551212",
    };

    [Theory]
    [InlineData("+14158675309", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    public void Compute_MatchesTwiliosDocumentedExamples(string caller, string expected)
    {
        Assert.Equal(expected, TwilioSignature.Compute(Url, Parameters(caller), "12345"));
        Assert.True(TwilioSignature.IsValid(expected, Url, Parameters(caller), "12345")); // the SDK's validator agrees
    }

    [Fact]
    public void IsValid_RefusesATamperedParameterOrAnotherToken()
    {
        var signature = TwilioSignature.Compute(Url, Parameters("+14158675309"), "12345");

        Assert.True(TwilioSignature.IsValid(signature, Url, Parameters("+14158675309"), "12345"));
        Assert.False(TwilioSignature.IsValid(signature, Url, Parameters("+14158675300"), "12345"));
        Assert.False(TwilioSignature.IsValid(signature, Url, Parameters("+14158675309"), "54321"));
        Assert.False(TwilioSignature.IsValid(null, Url, Parameters("+14158675309"), "12345"));
    }
}
