using Microsoft.AspNetCore.Authorization;
using Notify.Workflows.Access;

namespace Notify.Web.Infrastructure;

/// <summary>Which API key scopes each kind of call needs; admin may do everything.</summary>
public static class ApiPolicies
{
    public const string Read = "api:read";
    public const string Ingest = "api:ingest";
    public const string Admin = "api:admin";
    public const string Authenticated = "api:any";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Authenticated, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(Read, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScope.Read, ApiKeyScope.Admin));
        options.AddPolicy(Ingest, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScope.Ingest, ApiKeyScope.Admin));
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScope.Admin));
    }
}
