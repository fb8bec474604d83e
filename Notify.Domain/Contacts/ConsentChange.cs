using Notify.Domain.Messaging;

namespace Notify.Domain.Contacts;

/// <summary>One line of the consent ledger: who gave or withdrew consent for which channel, when, and through what.</summary>
public sealed class ConsentChange
{
    private ConsentChange()
    {
    }

    public long Id { get; private set; }

    public string ContactKey { get; private set; } = "";

    public Channel Channel { get; private set; }

    public bool Granted { get; private set; }

    /// <summary>Who made the change: an API key's name, an admin, the person themself.</summary>
    public string ChangedBy { get; private set; } = "";

    /// <summary>Through what: "api", "admin", "inbox".</summary>
    public string Source { get; private set; } = "";

    public DateTime At { get; private set; }

    /// <summary>The ledger lines for going from one consent to another (none when nothing changed).</summary>
    public static IReadOnlyList<ConsentChange> Between(
        string contactKey, ChannelConsent? before, ChannelConsent after, string changedBy, string source, DateTime now)
    {
        var changes = new List<ConsentChange>();
        void Add(Channel channel, bool? was, bool now_)
        {
            if (was != now_)
            {
                changes.Add(new ConsentChange { ContactKey = contactKey, Channel = channel, Granted = now_, ChangedBy = changedBy, Source = source, At = now });
            }
        }

        Add(Channel.Sms, before?.Sms, after.Sms);
        Add(Channel.Email, before?.Email, after.Email);
        Add(Channel.InApp, before?.InApp, after.InApp);
        return changes;
    }
}
