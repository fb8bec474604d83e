using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Notify.Web.Infrastructure;

/// <summary>Marks work done for a browser circuit, so the audit log can tell it from API calls and background work.</summary>
public sealed class ActorCircuitHandler : CircuitHandler
{
    /// <summary>Until sign-in exists every browser user is the same anonymous admin.</summary>
    public const string BrowserActor = "browser user (no sign-in yet)";

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            HttpActorAccessor.CircuitActor.Value = BrowserActor;
            try
            {
                await next(context);
            }
            finally
            {
                HttpActorAccessor.CircuitActor.Value = null;
            }
        };
}
