namespace Notify.Domain.Templates;

/// <summary>A template's text per channel; a channel left empty has no message in this template.</summary>
public sealed record TemplateContent
{
    public string? Sms { get; init; }

    public string? EmailSubject { get; init; }

    public string? EmailHtml { get; init; }

    public string? EmailText { get; init; }

    public string? InApp { get; init; }

    public bool HasAny => Parts().Any();

    /// <summary>Whether this content has text for the channel (email: a subject, a text or an HTML body).</summary>
    public bool Has(Messaging.Channel channel) => channel switch
    {
        Messaging.Channel.Sms => !string.IsNullOrEmpty(Sms),
        Messaging.Channel.InApp => !string.IsNullOrEmpty(InApp),
        _ => !string.IsNullOrEmpty(EmailSubject) || !string.IsNullOrEmpty(EmailText) || !string.IsNullOrEmpty(EmailHtml),
    };

    public IEnumerable<(string Field, string Text)> Parts()
    {
        if (!string.IsNullOrEmpty(Sms)) yield return ("sms", Sms);
        if (!string.IsNullOrEmpty(EmailSubject)) yield return ("emailSubject", EmailSubject);
        if (!string.IsNullOrEmpty(EmailHtml)) yield return ("emailHtml", EmailHtml);
        if (!string.IsNullOrEmpty(EmailText)) yield return ("emailText", EmailText);
        if (!string.IsNullOrEmpty(InApp)) yield return ("inApp", InApp);
    }
}
