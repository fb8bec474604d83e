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
    IReadOnlyList<FieldError> Warnings);

/// <summary>
/// The rendered SMS: its encoding, length and segments, the characters that force Unicode (with their names), and
/// the price of sending it to one person when a price per segment is set.
/// </summary>
public sealed record SmsPreview(
    string Text, string Encoding, int Characters, int Segments, IReadOnlyList<string> UnicodeBecauseOf, bool CanBeMadeGsm,
    decimal? Cost, string Currency);
