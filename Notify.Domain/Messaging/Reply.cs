namespace Notify.Domain.Messaging;

/// <summary>An answer from a person to a message, threaded on the record the message was about.</summary>
public sealed class Reply
{
    public const int MaxLength = 2000;

    private Reply()
    {
    }

    public Guid Id { get; private set; }

    public Guid? DeliveryId { get; private set; }

    public string? RecordType { get; private set; }

    public string? RecordKey { get; private set; }

    public string? ContactKey { get; private set; }

    public string AuthorName { get; private set; } = "";

    public Channel Channel { get; private set; }

    public string Body { get; private set; } = "";

    public DateTime At { get; private set; }

    public static Reply To(Delivery delivery, string authorName, Channel channel, string body, DateTime now)
    {
        var text = body.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            throw new Common.ValidationException("body", text.Length == 0 ? "Write something to reply." : $"A reply is at most {MaxLength} characters.");
        }

        return new Reply
        {
            Id = Guid.NewGuid(), DeliveryId = delivery.Id, RecordType = delivery.RecordType, RecordKey = delivery.RecordKey,
            ContactKey = delivery.ContactKey, AuthorName = authorName, Channel = channel, Body = text, At = now,
        };
    }
}
