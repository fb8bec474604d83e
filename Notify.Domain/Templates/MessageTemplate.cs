using Notify.Domain.Common;

namespace Notify.Domain.Templates;

/// <summary>The text of a message for one kind of event, per channel, in Liquid.</summary>
public sealed partial class MessageTemplate
{
    private MessageTemplate()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Language { get; private set; } = "nb";

    public TemplateContent Content { get; private set; } = new();

    /// <summary>The same message in other languages, by language code ("sv", "en"); people get the one in their language.</summary>
    public Dictionary<string, TemplateContent> Translations { get; private set; } = [];

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// Merge fields that must have a value when the message is sent (<c>record.data.booking_start</c>): when one is
    /// empty for a person, their message is skipped with the reason instead of sent with a gap.
    /// </summary>
    public List<string> RequiredFields { get; private set; } = [];

    /// <summary>Sets the required fields; each must be a merge field Notify knows (or the host's own data).</summary>
    public void Require(IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return; // left out: kept as stored
        }

        var errors = new List<FieldError>();
        var cleaned = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i]?.Trim() ?? "";
            if (!MergeFields.IsKnown(field) || field is "recipient" or "record" or "previous" or "event" or "company")
            {
                var suggestion = field.Length == 0 ? null : MergeFields.Suggest(field);
                errors.Add(new FieldError($"requiredFields[{i}]", $"'{field}' is not a merge field" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?")));
            }
            else if (!cleaned.Contains(field))
            {
                cleaned.Add(field);
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        RequiredFields = cleaned;
    }

    /// <summary>The warnings a saved template still deserves: merge fields Notify does not know, per language and part.</summary>
    public IReadOnlyList<FieldError> Warnings(TemplateRenderer renderer) =>
        MergeFields.Warnings(renderer, Content)
            .Concat(Translations.SelectMany(t => MergeFields.Warnings(renderer, t.Value, $"translations.{t.Key}.")))
            .ToList();

    public static MessageTemplate Create(
        string key, string name, string language, TemplateContent content, TemplateRenderer renderer, DateTime now,
        IReadOnlyDictionary<string, TemplateContent>? translations = null, IReadOnlyList<string>? requiredFields = null)
    {
        Keys.Require(key, "key");
        var template = new MessageTemplate { Id = Guid.NewGuid(), Key = key };
        template.Require(requiredFields);
        template.Update(name, language, content, renderer, now, translations ?? new Dictionary<string, TemplateContent>());
        return template;
    }

    /// <summary>
    /// The text to send a person on a channel: the translation in their language when it has text for that channel
    /// ("sv-SE" also finds "sv"), otherwise the template's own. Returns the language chosen.
    /// </summary>
    public (TemplateContent Content, string Language) ContentFor(string? language, Messaging.Channel channel)
    {
        var wanted = language?.Trim().ToLowerInvariant();
        foreach (var candidate in new[] { wanted, wanted?.Split('-')[0] })
        {
            if (candidate is not null && candidate != Language && Translations.TryGetValue(candidate, out var translated) && translated.Has(channel))
            {
                return (translated, candidate);
            }
        }

        return (Content, Language);
    }

    /// <summary>
    /// Checks every part of every language compiles before anything changes; errors name the part and the position
    /// (<c>sms</c>, <c>translations.sv.sms</c>). Translations left out (null) stay as they are.
    /// </summary>
    public void Update(
        string name, string language, TemplateContent content, TemplateRenderer renderer, DateTime now,
        IReadOnlyDictionary<string, TemplateContent>? translations = null)
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

        var ownLanguage = string.IsNullOrWhiteSpace(language) ? "nb" : language.Trim().ToLowerInvariant();
        var checkedTranslations = translations is null ? Translations : CheckTranslations(translations, ownLanguage, renderer, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Name = name.Trim();
        Language = ownLanguage;
        Content = content;
        Translations = checkedTranslations;
        UpdatedAt = now;
    }

    private static Dictionary<string, TemplateContent> CheckTranslations(
        IReadOnlyDictionary<string, TemplateContent> translations, string ownLanguage, TemplateRenderer renderer, List<FieldError> errors)
    {
        var result = new Dictionary<string, TemplateContent>();
        foreach (var (rawLanguage, translated) in translations)
        {
            var language = rawLanguage.Trim().ToLowerInvariant();
            var at = $"translations.{language}";
            if (!LanguageCode().IsMatch(language))
            {
                errors.Add(new FieldError(at, $"'{rawLanguage}' is not a language code such as 'sv' or 'en-gb'."));
                continue;
            }

            if (language == ownLanguage || result.ContainsKey(language))
            {
                errors.Add(new FieldError(at, language == ownLanguage ? "is the template's own language." : "is given twice."));
                continue;
            }

            if (!translated.HasAny)
            {
                errors.Add(new FieldError(at, "needs text for at least one channel."));
            }

            foreach (var (field, text) in translated.Parts())
            {
                if (renderer.Validate(text) is { } error)
                {
                    errors.Add(new FieldError($"{at}.{field}", error.ToString()));
                }
            }

            result[language] = translated;
        }

        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial System.Text.RegularExpressions.Regex LanguageCode();
}
