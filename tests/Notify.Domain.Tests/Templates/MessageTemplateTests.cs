using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Templates;

namespace Notify.Domain.Tests.Templates;

public class MessageTemplateTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private readonly TemplateRenderer _renderer = new();

    private static readonly TemplateContent English = new() { Sms = "Due soon", EmailSubject = "Due soon", EmailText = "It is due soon." };

    private MessageTemplate WithSwedishSms() => MessageTemplate.Create("due", "Due", "en", English, _renderer, Now,
        new Dictionary<string, TemplateContent> { ["SV"] = new() { Sms = "Snart dags" } });

    [Theory]
    [InlineData("sv", "Snart dags", "sv")]
    [InlineData("sv-SE", "Snart dags", "sv")]
    [InlineData("nb", "Due soon", "en")]
    [InlineData(null, "Due soon", "en")]
    public void ContentFor_PicksThePersonsLanguage_OrFallsBackToTheTemplates(string? language, string sms, string chosen)
    {
        var template = WithSwedishSms();

        var (content, picked) = template.ContentFor(language, Channel.Sms);

        Assert.Equal(sms, content.Sms);
        Assert.Equal(chosen, picked);
    }

    [Fact]
    public void ContentFor_ChannelMissingInTheTranslation_UsesTheTemplatesOwnText()
    {
        var (content, language) = WithSwedishSms().ContentFor("sv", Channel.Email);

        Assert.Equal("en", language);
        Assert.Equal("Due soon", content.EmailSubject);
    }

    [Fact]
    public void Update_BadTranslations_NameTheLanguageAndPart_AndChangeNothing()
    {
        var template = WithSwedishSms();

        var ex = Assert.Throws<ValidationException>(() => template.Update("Due", "en", English, _renderer, Now.AddHours(1),
            new Dictionary<string, TemplateContent>
            {
                ["sv"] = new() { Sms = "Hej {% nope %}" },
                ["en"] = new() { Sms = "Twice" },
                ["not a language"] = new() { Sms = "x" },
                ["da"] = new(),
            }));

        var fields = ex.Errors.Select(e => e.Field).ToList();
        Assert.Contains("translations.sv.sms", fields);
        Assert.Contains("translations.en", fields);
        Assert.Contains("translations.not a language", fields);
        Assert.Contains("translations.da", fields);
        Assert.Equal("Snart dags", Assert.Single(template.Translations).Value.Sms);
        Assert.Equal(Now, template.UpdatedAt);
    }

    [Fact]
    public void Update_TranslationsLeftOut_AreKept_AndAnEmptySetRemovesThem()
    {
        var template = WithSwedishSms();

        template.Update("Due", "en", English, _renderer, Now.AddHours(1));
        var kept = template.Translations.Count;
        template.Update("Due", "en", English, _renderer, Now.AddHours(2), new Dictionary<string, TemplateContent>());

        Assert.Equal(1, kept);
        Assert.Empty(template.Translations);
    }

    [Fact]
    public void Warnings_NameUnknownMergeFields_WithTheNearestKnownOne()
    {
        var template = MessageTemplate.Create("typo", "Typo", "en", new TemplateContent { Sms = "Hi {{ recipent.frist_name }}, {{ record.kye }} {{ record.data.anything }} {{ company.name }}" },
            _renderer, Now, new Dictionary<string, TemplateContent> { ["sv"] = new() { InApp = "{{ evnt.to_status }}" } });

        var warnings = template.Warnings(_renderer);

        Assert.Equal(["sms", "sms", "translations.sv.inApp"], warnings.Select(w => w.Field));
        Assert.Contains("did you mean 'recipient.first_name'?", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'record.key'?", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'event.to_status'?", warnings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_UnknownField_IsRefusedNamingIt_AndKnownOnesAreKeptOnce()
    {
        var template = WithSwedishSms();

        var ex = Assert.Throws<ValidationException>(() => template.Require(["record.data.booking_start", "record.titel"]));
        template.Require(["record.data.booking_start", "recipient.phone", "record.data.booking_start"]);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("requiredFields[1]", error.Field);
        Assert.Contains("did you mean 'record.title'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(["record.data.booking_start", "recipient.phone"], template.RequiredFields);
    }
}
