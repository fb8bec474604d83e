using Notify.Domain.Common;

namespace Notify.Web.Features.Templates;

/// <summary>
/// What to preview: a stored record, a contact (or a sample person), a language, and optionally the unsaved text
/// being edited (left out: the saved template).
/// </summary>
public sealed record PreviewRequest(RecordRef? Record, string? Contact = null, string? Language = null, TemplateBody? Template = null);

/// <summary>A record by its type and key.</summary>
public sealed record RecordRef(string Type, string Key);

/// <summary>A template rendered as one person will receive it, per channel, with what still deserves a look.</summary>
public sealed record TemplatePreview(
    SmsPreview? Sms, string? EmailSubject, string? EmailHtml, string? EmailText, string? InApp, string Language,
    IReadOnlyList<FieldError> Warnings)
{
    /// <summary>The text a delivery on <paramref name="channel"/> carries (an email with only HTML has an empty text); null when the template has none.</summary>
    public string? BodyFor(Notify.Domain.Messaging.Channel channel, string? emailHtml) => channel switch
    {
        Notify.Domain.Messaging.Channel.Sms => Sms?.Text,
        Notify.Domain.Messaging.Channel.Email => EmailText ?? (emailHtml is null ? null : ""),
        _ => InApp,
    };
}

/// <summary>
/// The rendered SMS: its encoding, length and segments, the characters that force Unicode (with their names), and
/// the price of sending it to one person when a price per segment is set.
/// </summary>
public sealed record SmsPreview(
    string Text, string Encoding, int Characters, int Segments, IReadOnlyList<string> UnicodeBecauseOf, bool CanBeMadeGsm,
    decimal? Cost, string Currency);
