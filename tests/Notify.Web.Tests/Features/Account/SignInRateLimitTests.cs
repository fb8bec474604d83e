using System.Net;
using Notify.Tests.Shared;

namespace Notify.Web.Tests.Features.Account;

public sealed class SignInRateLimitTests : IDisposable
{
    private readonly NotifyAppFactory _app = new(seedDemo: false, new Dictionary<string, string?> { ["Notify:RateLimits:SignInsPerMinute"] = "3" });

    [Fact]
    public async Task SignInAttempts_BeyondTheLimit_Are429ProblemDetails()
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add((await PageAccessTests.SignInAsync(_app, $"nobody{i}@test.local", "wrong-password")).Response);
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses.Skip(3), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Contains("sign-in attempts", await responses[4].Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
