using Notify.Domain.Common;

namespace Notify.Domain.Templates;

/// <summary>The text of a message for one kind of event, per channel, in Liquid.</summary>
public sealed class MessageTemplate
{
    private MessageTemplate()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Language { get; private set; } = "nb";

    public TemplateContent Content { get; private set; } = new();

    public DateTime UpdatedAt { get; private set; }

    public static MessageTemplate Create(string key, string name, string language, TemplateContent content, LiquidRenderer renderer, DateTime now)
    {
        Keys.Require(key, "key");
        var template = new MessageTemplate { Id = Guid.NewGuid(), Key = key };
        template.Update(name, language, content, renderer, now);
        return template;
    }

    /// <summary>Checks every part compiles before anything changes; errors name the part and the position.</summary>
    public void Update(string name, string language, TemplateContent content, LiquidRenderer renderer, DateTime now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError("name", "is required."));
        }

        foreach (var (field, text) in content.Parts())
        {
            if (renderer.Validate(text) is { } error)
            {
                errors.Add(new FieldError(field, error.ToString()));
            }
        }

        if (!content.HasAny)
        {
            errors.Add(new FieldError("content", "needs text for at least one channel."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Name = name.Trim();
        Language = string.IsNullOrWhiteSpace(language) ? "nb" : language.Trim().ToLowerInvariant();
        Content = content;
        UpdatedAt = now;
    }
}
