using Notify.Domain.Messaging;
using Notify.Workflows.Messages;

namespace Notify.Web.Features.Messages;

/// <summary>The Send a message form; <see cref="ToMessage"/> makes the same request the API takes.</summary>
public sealed class SendMessageFormModel
{
    public List<RecipientChoice> People { get; } = [];

    /// <summary>Phone numbers typed in, separated by ;.</summary>
    public string? Numbers { get; set; }

    public bool Sms { get; set; } = true;

    public bool Email { get; set; }

    public bool InApp { get; set; }

    public string? Sender { get; set; }

    public string? Subject { get; set; }

    public string? Text { get; set; }

    public MessageRecord? Record { get; set; }

    /// <summary>Where the typed numbers sit in <c>to</c>, so an error on that entry shows under the numbers field.</summary>
    public int NumbersIndex => People.Count;

    public ManualMessage ToMessage() => new()
    {
        To = [.. People.Select(p => p.Entry), .. string.IsNullOrWhiteSpace(Numbers) ? Array.Empty<string>() : [Numbers]],
        Channels = [.. new[] { (Sms, Channel.Sms), (Email, Channel.Email), (InApp, Channel.InApp) }.Where(c => c.Item1).Select(c => c.Item2.ToName())],
        Text = Text,
        Subject = Email ? Subject : null,
        Sender = Sms ? Sender : null,
        Record = Record,
    };
}
