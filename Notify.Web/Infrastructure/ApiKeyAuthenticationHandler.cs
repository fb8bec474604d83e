using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Notify.Web.Infrastructure;

/// <summary>Accepts the <c>X-Api-Key</c> header when it equals the configured bootstrap key (compared in constant time).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration,
    Notify.Workflows.Access.ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var supplied) || string.IsNullOrEmpty(supplied))
        {
            return AuthenticateResult.NoResult();
        }

        var plain = supplied.ToString();
        var bootstrap = configuration["Notify:Bootstrap:ApiKey"];
        if (!string.IsNullOrEmpty(bootstrap) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(plain), Encoding.UTF8.GetBytes(bootstrap)))
        {
            return Success("bootstrap key", [Notify.Workflows.Access.ApiKeyScope.Admin]);
        }

        var key = await keys.CheckAsync(plain, Context.RequestAborted);
        return key is null ? AuthenticateResult.Fail("The API key is not valid or was revoked.") : Success(key.Name, key.Scopes);
    }

    private static AuthenticateResult Success(string name, IEnumerable<string> scopes)
    {
        var claims = scopes.Select(s => new Claim(ScopeClaim, s)).Prepend(new Claim(ClaimTypes.Name, name));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            title: "This API key may not do that.",
            detail: "Its scopes do not include this call (ingest: push records, events and contacts; read: read; admin: everything).",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            title: "An API key is required.",
            detail: $"Send a valid key in the {HeaderName} header.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
