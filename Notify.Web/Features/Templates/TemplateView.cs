using Notify.Domain.Templates;

namespace Notify.Web.Features.Templates;

/// <summary>
/// A template as JSON: <c>{ "name", "language", "content": { "sms", "emailSubject", "emailHtml", "emailText", "inApp" },
/// "translations": { "sv": { …same parts… } } }</c>.
/// </summary>
public sealed record TemplateView(
    string Key, string Name, string Language, TemplateContent Content, DateTime UpdatedAt,
    IReadOnlyDictionary<string, TemplateContent> Translations, IReadOnlyList<string> RequiredFields)
{
    /// <summary>What still deserves a look although the template saved: merge fields Notify does not know, by part.</summary>
    public IReadOnlyList<Notify.Domain.Common.FieldError> Warnings { get; init; } = [];

    public static TemplateView From(MessageTemplate t, TemplateRenderer renderer) =>
        new(t.Key, t.Name, t.Language, t.Content, t.UpdatedAt, t.Translations, t.RequiredFields) { Warnings = t.Warnings(renderer) };
}

/// <summary>
/// A template to save. <see cref="Translations"/> and <see cref="RequiredFields"/> left out keep what is stored;
/// <c>{}</c> and <c>[]</c> remove them.
/// </summary>
public sealed record TemplateBody(
    string? Name, string? Language, TemplateContent? Content, IReadOnlyDictionary<string, TemplateContent>? Translations = null,
    IReadOnlyList<string>? RequiredFields = null);
