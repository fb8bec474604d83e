using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Notify.Web.Infrastructure;

/// <summary>
/// Names the person at the screen for everything a browser circuit does, so the audit log says who made a change:
/// the signed-in user of this circuit, read from its authentication state on every inbound activity.
/// </summary>
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            HttpActorAccessor.CircuitActor.Value = Describe((await authentication.GetAuthenticationStateAsync()).User);
            try
            {
                await next(context);
            }
            finally
            {
                HttpActorAccessor.CircuitActor.Value = null;
            }
        };

    /// <summary>"Kari Nordmann &lt;kari@example.com&gt;", or the email alone; someone not signed in is said to be so.</summary>
    public static string Describe(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true })
        {
            return "someone not signed in";
        }

        var email = user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity.Name ?? "a signed-in person";
        var name = user.FindFirst("name")?.Value;
        return string.IsNullOrWhiteSpace(name) || name == email ? email : $"{name} <{email}>";
    }
}
