using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Domain.Contacts;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Definitions;
using Notify.Workflows.Ingest;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Demo;

/// <summary>Fills an empty database with record types, people, templates, the demo flows and a little activity.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<NotifyDbContext> dbFactory,
    FlowService flows,
    IngestService ingest,
    TemplateRenderer renderer,
    PhoneNumberNormalizer phones,
    TimeProvider time,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!options.Value.Seed || await db.Flows.AnyAsync(ct) || await db.Contacts.AnyAsync(ct))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.RecordTypes.Add(RecordType.Create("order", "Order", ["delivered", "cancelled"]).WithContactRoles(["customer"]));
        db.RecordTypes.Add(RecordType.Create("task", "Task", ["done", "cancelled"]).WithContactRoles(["manager"]));
        foreach (var (key, details) in Contacts())
        {
            db.Contacts.Add(Contact.Create(key, details, phones, now));
        }

        foreach (var (key, name, content) in Templates())
        {
            db.Templates.Add(MessageTemplate.Create(key, name, "en", content, renderer, now, Translations(key)));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (key, flow) in new[] { ("order-ready", DemoFlows.OrderReady), ("task-due-soon", DemoFlows.TaskDueSoon), ("task-overdue", DemoFlows.TaskOverdue) })
        {
            await flows.SaveDraftAsync(key, flow, ct);
            await flows.PublishAsync(key, false, ct);
        }

        await SeedActivityAsync(ct);
        logger.LogInformation("Demo data loaded: 3 published flows, {Count} contacts, 3 templates.", Contacts().Count);
        return true;
    }

    private async Task SeedActivityAsync(CancellationToken ct)
    {
        var order = new RecordState
        {
            Status = "new", Title = "Bike service, 2 wheels",
            Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
            Data = new Dictionary<string, JsonElement>
            {
                ["pickup"] = JsonSerializer.SerializeToElement("Storgata 1, Oslo"),
                ["amount"] = JsonSerializer.SerializeToElement(1250),
                ["pickup_from"] = JsonSerializer.SerializeToElement(time.GetUtcNow().AddDays(1)),
            },
        };
        await ingest.UpsertRecordAsync("order", "AO1000", order, ct);
        await ingest.UpsertRecordAsync("order", "AO1000", order with { Status = "ready" }, ct);
        await ingest.UpsertRecordAsync("order", "AO1001", order with { Title = "Winter tyres" }, ct);
        await ingest.UpsertRecordAsync("task", "T-100", new RecordState
        {
            Status = "open", Title = "Inspect heat pump at Storgata 1",
            Deadline = time.GetUtcNow().AddDays(3),
            Assignees = ["per"],
            Contacts = new Dictionary<string, string> { ["manager"] = "kari", ["customer"] = "ola" },
        }, ct);
    }

    private static List<(string, ContactDetails)> Contacts() =>
    [
        ("ola", new ContactDetails { Name = "Ola Nordmann", Emails = [new("ola@example.com")], Phones = [new("+47 912 34 567")], Language = "nb", Roles = ["customer"] , Consent = ChannelConsent.All }),
        ("kari", new ContactDetails { Name = "Kari Hansen", Emails = [new("kari@example.com")], Phones = [new("+47 913 45 678")], Roles = ["manager"], Groups = ["office"] , Consent = ChannelConsent.All }),
        ("per", new ContactDetails { Name = "Per Olsen", Emails = [new("per@example.com")], Phones = [new("+47 914 56 789")], Roles = ["technician"], Groups = ["field"] , Consent = ChannelConsent.All }),
        ("anna", new ContactDetails { Name = "Anna Berg", Emails = [new("anna@example.com")], Phones = [new("+46 70 123 45 67")], Language = "sv", Roles = ["technician"], Groups = ["field"], Consent = ChannelConsent.All with { Sms = false } }),
    ];

    /// <summary>Anna reads Swedish: the due-soon reminder has a Swedish text (the others fall back to English).</summary>
    private static Dictionary<string, TemplateContent> Translations(string templateKey) => templateKey == "task-due-soon"
        ? new()
        {
            ["sv"] = new TemplateContent
            {
                Sms = "Påminnelse: '{{ record.title }}' ({{ record.key }}) ska vara klar {{ record.deadline | date: '%A %d %B, %H:%M' }}.",
                InApp = "'{{ record.title }}' ska vara klar {{ record.deadline | date: '%A %d %B, %H:%M' }}.",
            },
        }
        : [];

    private static List<(string, string, TemplateContent)> Templates() =>
    [
        ("order-ready", "Order ready for pick-up", new TemplateContent
        {
            EmailSubject = "Your order {{ record.key }} is ready",
            EmailHtml = "<p>Hi {{ recipient.first_name }},</p><p>Your order <strong>{{ record.key }}</strong> ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.</p>",
            EmailText = "Hi {{ recipient.first_name }},\n\nYour order {{ record.key }} ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.",
            Sms = "Hi {{ recipient.first_name }}, your order {{ record.key }} is ready for pick-up.",
        }),
        ("task-due-soon", "Task due soon", new TemplateContent
        {
            Sms = "Reminder: '{{ record.title }}' ({{ record.key }}) is due {{ record.deadline | date: '%a %d %b, %H:%M' }}.",
            InApp = "'{{ record.title }}' is due {{ record.deadline | date: '%a %d %b, %H:%M' }}.",
        }),
        ("task-overdue", "Task overdue", new TemplateContent
        {
            EmailSubject = "Overdue: {{ record.title }} ({{ record.key }})",
            EmailText = "The task '{{ record.title }}' ({{ record.key }}) passed its deadline {{ record.deadline | date: '%d.%m.%Y %H:%M' }} and is still '{{ record.status }}'.",
        }),
    ];
}
