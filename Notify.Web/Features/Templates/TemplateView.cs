using Notify.Domain.Templates;

namespace Notify.Web.Features.Templates;

/// <summary>
/// A template as JSON: <c>{ "name", "language", "content": { "sms", "emailSubject", "emailHtml", "emailText", "inApp" },
/// "translations": { "sv": { …same parts… } } }</c>.
/// </summary>
public sealed record TemplateView(
    string Key, string Name, string Language, TemplateContent Content, DateTime UpdatedAt,
    IReadOnlyDictionary<string, TemplateContent> Translations)
{
    public static TemplateView From(MessageTemplate t) => new(t.Key, t.Name, t.Language, t.Content, t.UpdatedAt, t.Translations);
}

/// <summary>A template to save. <see cref="Translations"/> left out keeps the ones stored; <c>{}</c> removes them.</summary>
public sealed record TemplateBody(string? Name, string? Language, TemplateContent? Content, IReadOnlyDictionary<string, TemplateContent>? Translations = null);
