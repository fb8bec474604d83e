using Microsoft.AspNetCore.Identity;

namespace Notify.Workflows.Access;

/// <summary>A person who signs in: an admin, a support agent, or a recipient reading their own inbox.</summary>
public sealed class NotifyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For recipients: the contact whose inbox and preferences are theirs.</summary>
    public string? ContactKey { get; set; }
}
