namespace Notify.Workflows.Messages;

/// <summary>
/// A message a person (or a host system) sends by hand. <see cref="To"/> entries are <c>contact:KEY</c>,
/// <c>group:NAME</c>, <c>email:ADDRESS</c>, or phone numbers separated by <c>;</c> (<c>48376587;87654321</c>).
/// </summary>
public sealed record ManualMessage
{
    public IReadOnlyList<string>? To { get; init; }

    /// <summary><c>sms</c>, <c>email</c>, <c>inApp</c>.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    public string? Text { get; init; }

    /// <summary>Needed when email is among the channels.</summary>
    public string? Subject { get; init; }

    /// <summary>One of the allowed SMS senders (<see cref="ManualSendService.Senders"/>); null = the company's default.</summary>
    public string? Sender { get; init; }

    /// <summary>The record the message is about: it then shows in the record's story.</summary>
    public MessageRecord? Record { get; init; }
}
