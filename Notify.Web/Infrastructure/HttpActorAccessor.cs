using Notify.Workflows.Access;

namespace Notify.Web.Infrastructure;

/// <summary>
/// The actor for the audit log: the API key's name on API calls; in the browser (set per circuit activity by
/// <see cref="ActorCircuitHandler"/>) the person at the screen; otherwise the system itself.
/// </summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    internal static readonly AsyncLocal<string?> CircuitActor = new();

    public string Current => CircuitActor.Value
        ?? (http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"API key '{name}'" : "system");
}
