using Notify.Domain.Messaging.Sms;
using Notify.Domain.Templates;

namespace Notify.Web.Features.Templates;

/// <summary>What the template editor binds to; turned into a <see cref="TemplateBody"/> on save.</summary>
public sealed class TemplateFormModel
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Language { get; set; } = "nb";

    /// <summary>The text in the template's own language.</summary>
    public TemplateContentForm Own { get; set; } = new();

    /// <summary>The same message in other languages, in the order they were added.</summary>
    public List<TranslationForm> Translations { get; set; } = [];

    /// <summary>Merge fields that must have a value, or the message is skipped with the reason.</summary>
    public IReadOnlyCollection<string> RequiredFields { get; set; } = [];

    public static TemplateFormModel From(TemplateView t) => new()
    {
        Key = t.Key, Name = t.Name, Language = t.Language, Own = TemplateContentForm.From(t.Content), RequiredFields = t.RequiredFields.ToList(),
        Translations = t.Translations.OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new TranslationForm { Language = x.Key, Content = TemplateContentForm.From(x.Value) }).ToList(),
    };

    public TemplateBody ToBody() => new(Name, Language, Own.ToContent(),
        Translations.GroupBy(t => t.Language.Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Content.ToContent()),
        RequiredFields.ToList());

    /// <summary>Why a language cannot be added, or null when it can.</summary>
    public string? CheckNewLanguage(string? code)
    {
        var language = code?.Trim().ToLowerInvariant() ?? "";
        if (language.Length == 0) return "Type a language code, e.g. sv or en.";
        if (language == Language.Trim().ToLowerInvariant()) return $"'{language}' is this template's own language.";
        return Translations.Any(t => t.Language == language) ? $"There is already a '{language}' text." : null;
    }
}

/// <summary>One language's text of a template.</summary>
public sealed class TranslationForm
{
    public string Language { get; set; } = "";

    public TemplateContentForm Content { get; set; } = new();
}

/// <summary>A message's text per channel, as the editor binds it.</summary>
public sealed class TemplateContentForm
{
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
            return $"{(Sms ?? "").Length} characters as written, {(body.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "Unicode")}; the preview counts the message as it is sent";
        }
    }

    public static TemplateContentForm From(TemplateContent c) => new()
    {
        Sms = c.Sms, EmailSubject = c.EmailSubject, EmailHtml = c.EmailHtml, EmailText = c.EmailText, InApp = c.InApp,
    };

    public TemplateContent ToContent() => new()
    {
        Sms = Empty(Sms), EmailSubject = Empty(EmailSubject), EmailHtml = Empty(EmailHtml), EmailText = Empty(EmailText), InApp = Empty(InApp),
    };

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
