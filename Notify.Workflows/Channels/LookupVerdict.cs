namespace Notify.Workflows.Channels;

public enum LookupVerdict
{
    /// <summary>The provider has the message: it is not sent again.</summary>
    Found,

    /// <summary>The provider has no such message: it is safe to send.</summary>
    NotFound,

    /// <summary>The provider could not be asked.</summary>
    CannotTell,
}
