using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>Each person's send window: their own quiet hours or the organisation's, in their own time zone, on the channels the organisation chose; an urgent flow goes at any hour.</summary>
public class SendWindowFlowTests
{
    private static readonly Dictionary<string, string?> QuietSmsAndEmail = new()
    {
        ["Notify:QuietHours:Start"] = "21:00", ["Notify:QuietHours:End"] = "08:00", ["Notify:QuietHours:TimeZone"] = "Europe/Oslo",
        ["Notify:QuietHours:Channels:0"] = "sms", ["Notify:QuietHours:Channels:1"] = "email",
    };

    private static FlowDefinition Flow(bool urgent) => new()
    {
        Name = urgent ? "Urgent" : "Everyday",
        IgnoreQuietHours = urgent,
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new SendStepDefinition { Id = "tell", Channels = ["sms", "email"], Template = "order-ready", Recipients = ["assignees"] },
            new SendStepDefinition { Id = "in-app", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"] },
        ],
    };

    private static async Task SetWindowAsync(EngineHarness engine, string key, string? zone, string? start = null, string? end = null)
    {
        await using var db = await engine.Db();
        var contact = await db.Contacts.SingleAsync(c => c.Key == key);
        contact.Update(new ContactDetails
        {
            Name = contact.Name, Emails = contact.Emails, Phones = contact.Phones, Language = contact.Language, Roles = contact.Roles, Groups = contact.Groups,
            TimeZone = zone, QuietStart = start, QuietEnd = end,
        }, engine.Services.GetRequiredService<PhoneNumberNormalizer>(), engine.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static async Task<Dictionary<(string, Channel), DateTime?>> HeldAsync(EngineHarness engine, string task, string flow)
    {
        await using var db = await engine.Db();
        return (await db.Deliveries.Where(d => d.RecordKey == task && d.FlowKey == flow && d.Status != DeliveryStatus.Skipped).ToListAsync()).ToDictionary(d => (d.ContactKey!, d.Channel), d => d.Status == DeliveryStatus.Queued ? d.NextAttemptAt : null);
    }

    [Fact]
    public async Task ATokyoPersonAndANightOwl_AreHeldUntilTheirMorning_OnSmsAndEmail_NotInApp_WhileTheOthersGetItAtOnce()
    {
        await using var engine = await EngineHarness.StartAsync(settings: QuietSmsAndEmail); // Monday 08:00 UTC: 09:00 in Oslo
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("everyday", Flow(urgent: false), CancellationToken.None);
        await flows.PublishAsync("everyday", false, CancellationToken.None);
        await SetWindowAsync(engine, "per", "Asia/Tokyo"); // 17:00 there: the organisation's 21:00-08:00 does not hold him now
        await SetWindowAsync(engine, "kari", null, "08:30", "10:00"); // her own late morning, in Oslo time: 09:00 is inside it
        engine.Clock.Advance(TimeSpan.FromHours(5)); // 13:00 UTC: 14:00 in Oslo, 22:00 in Tokyo

        await engine.UpsertTaskAsync("SW-1", "open", null, "per", "anna");
        await engine.RunAllAsync();

        var held = await HeldAsync(engine, "SW-1", "everyday");
        Assert.Equal(new DateTime(2026, 11, 16, 23, 0, 0, DateTimeKind.Utc), held[("per", Channel.Sms)]); // 08:00 in Tokyo
        Assert.Equal(new DateTime(2026, 11, 16, 23, 0, 0, DateTimeKind.Utc), held[("per", Channel.Email)]);
        Assert.Null(held[("per", Channel.InApp)]); // in-app wakes nobody: not a chosen channel
        Assert.Null(held[("anna", Channel.Email)]); // Oslo time, 14:00

        engine.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(5)); // Tuesday 08:00 UTC: 09:00 in Oslo, inside Kari's own window
        await engine.Ingest.UpsertRecordAsync("task", "SW-2", new RecordState { Status = "open", Title = "Task SW-2", Assignees = ["kari", "anna"] }, CancellationToken.None);
        await engine.RunAllAsync();

        held = await HeldAsync(engine, "SW-2", "everyday");
        Assert.Equal(new DateTime(2026, 11, 17, 9, 0, 0, DateTimeKind.Utc), held[("kari", Channel.Sms)]); // 10:00 in Oslo
        Assert.Null(held[("anna", Channel.Email)]); // no window of her own: the organisation's, which 09:00 in Oslo is outside
    }

    [Fact]
    public async Task AnUrgentFlow_GoesAtOnce_EvenInsideEveryonesQuietHours()
    {
        await using var engine = await EngineHarness.StartAsync(settings: QuietSmsAndEmail);
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("urgent", Flow(urgent: true), CancellationToken.None);
        await flows.PublishAsync("urgent", false, CancellationToken.None);
        engine.Clock.Advance(TimeSpan.FromHours(14)); // 22:00 UTC: 23:00 in Oslo

        await engine.UpsertTaskAsync("SW-3", "open", null, "per");
        await engine.RunAllAsync();

        var sent = await HeldAsync(engine, "SW-3", "urgent");
        Assert.Equal(3, sent.Count);
        Assert.All(sent.Values, Assert.Null);
    }
}
