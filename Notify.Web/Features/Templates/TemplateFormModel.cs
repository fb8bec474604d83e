using Notify.Domain.Messaging.Sms;
using Notify.Domain.Templates;

namespace Notify.Web.Features.Templates;

/// <summary>What the template editor binds to; turned into a <see cref="TemplateBody"/> on save.</summary>
public sealed class TemplateFormModel
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Language { get; set; } = "nb";

    public string? Sms { get; set; }

    public string? EmailSubject { get; set; }

    public string? EmailHtml { get; set; }

    public string? EmailText { get; set; }

    public string? InApp { get; set; }

    public string SmsInfo
    {
        get
        {
            var body = SmsBody.Measure(Sms ?? "");
            return $"{(Sms ?? "").Length} characters · {(body.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "Unicode (UCS-2)")} · about {body.Segments} segment{(body.Segments == 1 ? "" : "s")} before merge fields are filled";
        }
    }

    public static TemplateFormModel From(TemplateView t) => new()
    {
        Key = t.Key, Name = t.Name, Language = t.Language, Sms = t.Content.Sms, EmailSubject = t.Content.EmailSubject,
        EmailHtml = t.Content.EmailHtml, EmailText = t.Content.EmailText, InApp = t.Content.InApp,
    };

    public TemplateBody ToBody() => new(Name, Language, new TemplateContent
    {
        Sms = Empty(Sms), EmailSubject = Empty(EmailSubject), EmailHtml = Empty(EmailHtml), EmailText = Empty(EmailText), InApp = Empty(InApp),
    });

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
