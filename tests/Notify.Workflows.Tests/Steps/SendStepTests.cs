using Notify.Domain.Contacts;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Channels;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Steps;

/// <summary>The send step alone, through its read port: no database, no engine.</summary>
public sealed class SendStepTests
{
    private readonly StepHarness _harness = new();

    [Fact]
    public async Task ContactRoleOnTheRecord_OneDeliveryPerChannel_WithTheRenderedText()
    {
        _harness.Reads.Contacts.Add(Person("ola", "Ola Nordmann", sms: true));
        _harness.Reads.Templates.Add(Template());

        var result = await Send().ExecuteAsync(_harness.Context(Order()), Step(["sms", "email"], ["customer"]), CancellationToken.None);

        Assert.Equal(StepDecision.Continue, result.Decision);
        Assert.Equal(JournalVerdict.Sent, result.Verdict);
        Assert.Equal(["sms", "email"], result.Deliveries.Select(d => d.Channel.ToString().ToLowerInvariant()));
        Assert.All(result.Deliveries, d => Assert.Equal("Hi Ola, AO1 is ready", d.Body));
        Assert.Equal("+4791234567", result.Deliveries[0].Address);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public async Task NoSmsConsent_AndAnUnknownGroup_AreSkippedOrNoted_NotSent()
    {
        _harness.Reads.Contacts.Add(Person("ola", "Ola Nordmann", sms: false));
        _harness.Reads.Templates.Add(Template());

        var result = await Send().ExecuteAsync(_harness.Context(Order()), Step(["sms"], ["customer", "group:nobody"]), CancellationToken.None);

        Assert.Equal(JournalVerdict.NobodyReached, result.Verdict);
        Assert.Empty(result.Deliveries);
        var (_, reason) = Assert.Single(result.Skipped);
        Assert.Equal("no SMS consent", reason);
        Assert.Contains("nobody is in group 'nobody'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTemplate_FailsTheStepWithTheReason()
    {
        var result = await Send().ExecuteAsync(_harness.Context(Order()), Step(["email"], ["customer"]), CancellationToken.None);

        Assert.Equal(StepDecision.Fail, result.Decision);
        Assert.Equal("The template 'ready' does not exist.", result.Message);
    }

    private static SendStep Send() => new(new TemplateRenderer(), new PhoneNumberNormalizer("NO"),
        Microsoft.Extensions.Options.Options.Create(new QuietHoursOptions()),
        Microsoft.Extensions.Options.Options.Create(new Notify.Workflows.Organisation.OrganisationOptions()));

    private static SendStepDefinition Step(string[] channels, string[] recipients) =>
        new() { Id = "tell", Channels = channels, Template = "ready", Recipients = recipients };

    private static RecordSnapshot Order() => new()
    {
        Type = "order", Key = "AO1", Status = "ready", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };

    private static MessageTemplate Template() =>
        MessageTemplate.Create("ready", "Ready", "en", new TemplateContent
        {
            Sms = "Hi {{ recipient.first_name }}, {{ record.key }} is ready",
            EmailSubject = "Ready", EmailText = "Hi {{ recipient.first_name }}, {{ record.key }} is ready",
        }, new TemplateRenderer(), DateTime.UnixEpoch);

    private static Contact Person(string key, string name, bool sms, string language = "nb") =>
        Contact.Create(key, new ContactDetails
        {
            Name = name, Language = language, Emails = [new ContactPoint("ola@example.com", null, true)], Phones = [new ContactPoint("91234567", null, true)],
            Consent = new ChannelConsent(Sms: sms),
        }, new PhoneNumberNormalizer("NO"), DateTime.UnixEpoch);

    [Fact]
    public async Task DatesAreInTheOrganisationsTimeZone_WithDayAndMonthNamesInTheTextsLanguage()
    {
        _harness.Reads.Contacts.Add(Person("ola", "Ola Nordmann", sms: true));
        _harness.Reads.Templates.Add(MessageTemplate.Create("ready", "Ready", "en",
            new TemplateContent { Sms = "Due {{ record.deadline | date: '%A %d %B, %H:%M' }}; now {{ now | date: '%H:%M' }}" }, new TemplateRenderer(), DateTime.UnixEpoch,
            new Dictionary<string, TemplateContent> { ["sv"] = new() { Sms = "Klar {{ record.deadline | date: '%A %d %B, %H:%M' }}" } }));
        var order = Order() with { Deadline = new DateTime(2026, 10, 6, 5, 0, 0, DateTimeKind.Utc) }; // 07:00 in Oslo (summer time)

        var english = await Send().ExecuteAsync(_harness.Context(order), Step(["sms"], ["customer"]), CancellationToken.None);
        _harness.Reads.Contacts[0] = Person("ola", "Ola Nordmann", sms: true, language: "sv");
        var swedish = await Send().ExecuteAsync(_harness.Context(order), Step(["sms"], ["customer"]), CancellationToken.None);

        Assert.Equal("Due Tuesday 06 October, 07:00; now 11:00", Assert.Single(english.Deliveries).Body); // harness clock: 10:00 UTC in November
        Assert.Equal("Klar tisdag 06 oktober, 07:00", Assert.Single(swedish.Deliveries).Body);
    }

    [Fact]
    public async Task CompanyFieldsAndTheRecordLink_ComeFromTheOrganisation()
    {
        _harness.Reads.Contacts.Add(Person("ola", "Ola Nordmann", sms: true));
        _harness.Reads.Company = new Notify.Workflows.Channels.Email.BrandingOptions { CompanyName = "Verkstedet AS", Phone = "+47 22 00 00 00", PublicUrl = "https://notify.example.com/" };
        _harness.Reads.Templates.Add(MessageTemplate.Create("ready", "Ready", "en",
            new TemplateContent { Sms = "{{ company.name }} ({{ company.phone }}): {{ record.link }}" }, new TemplateRenderer(), DateTime.UnixEpoch));

        var result = await Send().ExecuteAsync(_harness.Context(Order()), Step(["sms"], ["customer"]), CancellationToken.None);

        Assert.Equal("Verkstedet AS (+47 22 00 00 00): https://notify.example.com/records/order/AO1", Assert.Single(result.Deliveries).Body);
    }
}
