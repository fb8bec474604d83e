using Notify.Domain.Templates;

namespace Notify.Web.Features.Templates;

/// <summary>A template as JSON: <c>{ "name", "language", "content": { "sms", "emailSubject", "emailHtml", "emailText", "inApp" } }</c>.</summary>
public sealed record TemplateView(string Key, string Name, string Language, TemplateContent Content, DateTime UpdatedAt)
{
    public static TemplateView From(MessageTemplate t) => new(t.Key, t.Name, t.Language, t.Content, t.UpdatedAt);
}

public sealed record TemplateBody(string? Name, string? Language, TemplateContent? Content);
