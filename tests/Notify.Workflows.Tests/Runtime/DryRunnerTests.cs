using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.Stop;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>
/// Dry runs through every step kind — condition, branch, delay in working days past a holiday, send, stop — and a
/// deadline reminder counted in working days; each leaves every table as it was.
/// </summary>
public class DryRunnerTests
{
    private static readonly DateTime Monday = new(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc); // the harness's clock
    private const string Holiday = "2026-11-18"; // the Wednesday

    private static FlowDefinition EveryKind() => new()
    {
        Name = "Every kind",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["order"] },
        Steps =
        [
            new ConditionStepDefinition { Id = "is-new", Expression = "record.Status == \"new\"" },
            new BranchStepDefinition { Id = "vip", Expression = "record.Has(\"vip\")", Then = "wait-working", Else = "plain" },
            new DelayStepDefinition { Id = "wait-working", Amount = 2, Unit = TimeUnit.WorkingDays },
            new SendStepDefinition { Id = "vip-mail", Channels = ["email"], Template = "order-ready", Recipients = ["customer"], Next = "end" },
            new SendStepDefinition { Id = "plain", Channels = ["sms", "inApp"], Template = "order-ready", Recipients = ["customer", "manager"] },
            new StopStepDefinition { Id = "end", Reason = "All told." },
        ],
    };

    private static async Task<EngineHarness> StartAsync(bool holiday = true) => await EngineHarness.StartAsync(
        settings: holiday ? new Dictionary<string, string?> { ["Notify:Calendar:Holidays:0"] = Holiday } : null);

    private static async Task StoreOrderAsync(EngineHarness engine, string key, string status, bool vip) =>
        await engine.Ingest.UpsertRecordAsync("order", key, new RecordState
        {
            Status = status, Title = "Bike service",
            Contacts = new Dictionary<string, string> { ["customer"] = "ola", ["manager"] = "anna" },
            Data = vip ? new Dictionary<string, JsonElement> { ["vip"] = JsonSerializer.SerializeToElement(true) } : [],
        }, CancellationToken.None);

    private static Task<DryRunResult> DryRunAsync(EngineHarness engine, FlowDefinition flow, DryRunRequest request) =>
        engine.Services.GetRequiredService<DryRunner>().RunAsync("every-kind", flow, request, CancellationToken.None);

    [Fact]
    public async Task TheVipPath_WaitsTwoWorkingDaysPastTheHoliday_ThenEmails_AndStops_StoringNothing()
    {
        await using var engine = await StartAsync();
        await StoreOrderAsync(engine, "DR-1", "new", vip: true);
        var before = await CountRowsAsync(engine);

        var result = await DryRunAsync(engine, EveryKind(), new(new DryRunRecord("order", "DR-1"), new DryRunEvent(EventTypes.Created)));

        Assert.True(result.Started);
        Assert.Equal(["trigger", "is-new", "vip", "wait-working", "vip-mail", "end"], result.Path.Select(p => p.StepId));
        Assert.Equal(
            [JournalVerdict.ConditionMet, JournalVerdict.ConditionMet, JournalVerdict.BranchYes, JournalVerdict.Waiting, JournalVerdict.Sent, JournalVerdict.Stopped],
            result.Path.Select(p => p.Decision));
        var wait = Assert.Single(result.Waits);
        Assert.Equal(("wait-working", new DateTime(2026, 11, 19, 8, 0, 0, DateTimeKind.Utc), "2 working days later"), (wait.StepId, wait.Until, wait.Why)); // Tue, (Wed off), Thu
        var mail = Assert.Single(result.Messages);
        Assert.Equal(("email", "ola", "ola@example.com", "vip-mail"), (mail.Channel, mail.Contact, mail.Address, mail.StepId));
        Assert.Equal("Your order DR-1 is ready", mail.Subject);
        Assert.Equal(before, await CountRowsAsync(engine));
    }

    [Fact]
    public async Task WithoutTheHoliday_TheSameWaitEndsOnWednesday()
    {
        await using var engine = await StartAsync(holiday: false);
        await StoreOrderAsync(engine, "DR-2", "new", vip: true);

        var result = await DryRunAsync(engine, EveryKind(), new(new DryRunRecord("order", "DR-2"), new DryRunEvent(EventTypes.Created)));

        Assert.Equal(new DateTime(2026, 11, 18, 8, 0, 0, DateTimeKind.Utc), Assert.Single(result.Waits).Until);
    }

    [Fact]
    public async Task ThePlainPath_SendsSmsAndInApp_AndListsEverySkippedPersonWithTheReason()
    {
        await using var engine = await StartAsync();
        await StoreOrderAsync(engine, "DR-3", "new", vip: false);
        var before = await CountRowsAsync(engine);

        var result = await DryRunAsync(engine, EveryKind(), new(new DryRunRecord("order", "DR-3"), new DryRunEvent(EventTypes.Created)));

        Assert.Equal(["trigger", "is-new", "vip", "plain", "end"], result.Path.Select(p => p.StepId));
        Assert.Equal(JournalVerdict.BranchNo, result.Path[2].Decision);
        Assert.Empty(result.Waits);
        var sms = Assert.Single(result.Messages);
        Assert.Equal(("sms", "ola", "+4791234567", "GSM-7", 1), (sms.Channel, sms.Contact, sms.Address, sms.Encoding, sms.Segments));
        Assert.Equal("Hi Ola, your order DR-3 is ready for pick-up.", sms.Body);
        Assert.Equal(
            [("anna", "inApp", "the template 'order-ready' has no inApp text"), ("anna", "sms", "no SMS consent"), ("ola", "inApp", "the template 'order-ready' has no inApp text")],
            result.Skipped.Select(s => (s.Contact, s.Channel, s.Reason)).OrderBy(s => s.Contact).ThenBy(s => s.Channel));
        Assert.Equal(before, await CountRowsAsync(engine));
    }

    [Fact]
    public async Task AConditionNotMet_StopsThere_AndSaysWhatItSaw()
    {
        await using var engine = await StartAsync();
        await StoreOrderAsync(engine, "DR-4", "ready", vip: true);

        var result = await DryRunAsync(engine, EveryKind(), new(new DryRunRecord("order", "DR-4"), new DryRunEvent(EventTypes.Created)));

        Assert.Equal(["trigger", "is-new"], result.Path.Select(p => p.StepId));
        Assert.Equal(JournalVerdict.ConditionNotMet, result.Path[1].Decision);
        Assert.Contains("record.Status='ready'", result.Path[1].Reason, StringComparison.Ordinal);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public async Task ADeadlineReminderOneWorkingDayBefore_SkipsTheHoliday_AndRendersAsOfItsTime()
    {
        await using var engine = await StartAsync();
        var flow = new FlowDefinition
        {
            Name = "Day before",
            Trigger = new TriggerDefinition
            {
                Event = EventTypes.Deadline, RecordTypes = ["task"],
                Deadline = new DeadlineOffset(1, TimeUnit.WorkingDays, OffsetDirection.Before),
            },
            Steps = [new SendStepDefinition { Id = "remind", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"] }],
        };
        var deadline = new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero); // Thursday
        await engine.UpsertTaskAsync("DR-T1", "open", deadline, "per");
        var before = await CountRowsAsync(engine);

        var result = await DryRunAsync(engine, flow, new(new DryRunRecord("task", "DR-T1"), At: Monday));

        var wait = Assert.Single(result.Waits);
        Assert.Equal(("trigger", new DateTime(2026, 11, 17, 12, 0, 0, DateTimeKind.Utc), "1 working day before the deadline"), (wait.StepId, wait.Until, wait.Why)); // Tuesday: Wednesday is off
        Assert.Equal(["trigger", "remind"], result.Path.Select(p => p.StepId));
        Assert.Contains("Task DR-T1", Assert.Single(result.Messages).Body, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync(engine));
    }

    [Fact]
    public async Task ACustomEventsTypedData_ReachesTheConditionAndTheTemplate()
    {
        await using var engine = await StartAsync();
        await StoreOrderAsync(engine, "DR-5", "new", vip: false);
        var flow = new FlowDefinition
        {
            Name = "Parts arrived",
            Trigger = new TriggerDefinition { Event = "parts.arrived", RecordTypes = ["order"] },
            Steps =
            [
                new ConditionStepDefinition { Id = "enough", Expression = "event.Has(\"count\") && event.Number(\"count\") > 2" },
                new SendStepDefinition { Id = "tell", Channels = ["sms"], Template = "order-ready", Recipients = ["customer"] },
            ],
        };
        var data = new Dictionary<string, JsonElement> { ["count"] = JsonSerializer.SerializeToElement(3) };

        var with = await DryRunAsync(engine, flow, new(new DryRunRecord("order", "DR-5"), new DryRunEvent("parts.arrived", Data: data)));
        var without = await DryRunAsync(engine, flow, new(new DryRunRecord("order", "DR-5"), new DryRunEvent("parts.arrived")));

        Assert.Equal(JournalVerdict.ConditionMet, with.Path[1].Decision);
        Assert.Single(with.Messages);
        Assert.Equal(JournalVerdict.ConditionNotMet, without.Path[1].Decision);
        Assert.Empty(without.Messages);
    }

    [Fact]
    public async Task LateInTheEvening_TheSmsIsHeldForQuietHours_AndAPersonWhoTurnedTheFlowOffIsLeftOutWithTheReason()
    {
        await using var engine = await EngineHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Notify:QuietHours:Start"] = "21:00", ["Notify:QuietHours:End"] = "08:00", ["Notify:QuietHours:TimeZone"] = "Europe/Oslo",
        });
        await using (var db = await engine.Db())
        {
            var kari = await db.Contacts.SingleAsync(c => c.Key == "kari");
            kari.ChooseMutedFlows(["every-kind"], Monday);
            await db.SaveChangesAsync();
        }

        await engine.Ingest.UpsertRecordAsync("order", "DR-6", new RecordState
        {
            Status = "new", Contacts = new Dictionary<string, string> { ["customer"] = "ola", ["manager"] = "kari" },
        }, CancellationToken.None);
        var result = await DryRunAsync(engine, EveryKind(), new(new DryRunRecord("order", "DR-6"), new DryRunEvent(EventTypes.Created), At: Monday.AddHours(14))); // 23:00 in Oslo

        var sms = Assert.Single(result.Messages);
        Assert.Equal(("ola", new DateTime(2026, 11, 17, 7, 0, 0, DateTimeKind.Utc)), (sms.Contact, sms.HeldUntil)); // 08:00 in Oslo
        Assert.Contains(result.Skipped, s => s is { Contact: "kari", Channel: "sms", Reason: "turned off messages from the flow 'every-kind'" });
    }

    private static async Task<(int, int, int, int, int, int)> CountRowsAsync(EngineHarness engine)
    {
        await using var db = await engine.Db();
        return (await db.Runs.CountAsync(), await db.Deliveries.CountAsync(), await db.Runs.SumAsync(r => r.JournalJson.Length), await db.Events.CountAsync(),
            await db.Records.CountAsync(), await db.Runs.CountAsync(r => r.ResumeAt != null));
    }
}
