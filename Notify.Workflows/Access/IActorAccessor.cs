namespace Notify.Workflows.Access;

/// <summary>Names whoever is making the current change, for the audit log.</summary>
public interface IActorAccessor
{
    string Current { get; }
}

/// <summary>Outside a request (start-up, seeding, background work) the actor is the system itself.</summary>
public sealed class SystemActor : IActorAccessor
{
    public string Current => "system";
}
