namespace Notify.Workflows.Channels.InApp;

/// <summary>Tells open inboxes (Blazor circuits on this node) that a person's in-app messages changed.</summary>
public sealed class InAppMessages
{
    public event Action<string>? Changed;

    public void Publish(IEnumerable<string> contactKeys)
    {
        foreach (var key in contactKeys.Distinct())
        {
            Changed?.Invoke(key);
        }
    }
}
