using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Ingest;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.WaitFor;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>
/// "Tell the assignee in-app; if unread after 2 hours, SMS the manager", and waits for a status or an event, run by the
/// real engine on a real database with the clock moved by hand.
/// </summary>
public class WaitForFlowTests
{
    private static FlowDefinition Escalation() => new()
    {
        Name = "Unread task escalates",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new SendStepDefinition { Id = "tell", Channels = ["inApp"], Template = "task-due-soon", Recipients = ["assignees"] },
            new WaitForStepDefinition { Id = "wait-read", For = WaitForWhat.Read, Step = "tell", Amount = 2, Unit = TimeUnit.Hours, TimedOut = "escalate" },
            new SendStepDefinition { Id = "escalate", Channels = ["sms"], Template = "task-due-soon", Recipients = ["manager"] },
        ],
    };

    private static FlowDefinition WaitForStatus() => new()
    {
        Name = "Thank when done",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new WaitForStepDefinition { Id = "until-done", For = WaitForWhat.Status, Statuses = ["done"], Amount = 1, Unit = TimeUnit.Days, Happened = "thanks" },
            new SendStepDefinition { Id = "thanks", Channels = ["email"], Template = "task-overdue", Recipients = ["manager"] },
        ],
    };

    private static FlowDefinition WaitForEvent() => new()
    {
        Name = "Chase an answer",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new WaitForStepDefinition { Id = "answer", For = WaitForWhat.Event, EventType = "customer.answered", Amount = 30, Unit = TimeUnit.Minutes, TimedOut = "chase" },
            new SendStepDefinition { Id = "chase", Channels = ["email"], Template = "task-overdue", Recipients = ["manager"] },
        ],
    };

    private static async Task<FlowRun> RunAsync(EngineHarness engine, string key, string flow) =>
        Assert.Single(await engine.RunsAsync("task", key), r => r.FlowKey == flow);

    private static async Task MarkReadAsync(EngineHarness engine, Guid deliveryId, bool tellTheRuns = true)
    {
        await using (var db = await engine.Db())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId);
            delivery.MarkRead(engine.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        if (tellTheRuns)
        {
            await engine.Services.GetRequiredService<WaitingRuns>().MessagesChangedAsync([await RunIdOfAsync(engine, deliveryId)], CancellationToken.None);
        }
    }

    private static async Task<Guid?> RunIdOfAsync(EngineHarness engine, Guid deliveryId)
    {
        await using var db = await engine.Db();
        return await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.RunId).SingleAsync();
    }

    [Fact]
    public async Task Unread_AfterTwoHours_TheManagerGetsOneSms()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("escalate", Escalation());
        var start = engine.Clock.GetUtcNow().UtcDateTime;
        await engine.UpsertTaskAsync("W-1", "open", null, "per");
        await engine.RunAllAsync();
        await engine.RunAllAsync(); // the message was delivered, which woke the run to look: not read, so it waits on

        var inApp = Assert.Single(await engine.DeliveriesAsync("task", "W-1"), d => d.FlowKey == "escalate");
        Assert.Equal((Channel.InApp, DeliveryStatus.Delivered, "per"), (inApp.Channel, inApp.Status, inApp.ContactKey));
        var run = await RunAsync(engine, "W-1", "escalate");
        Assert.Equal((RunStatus.Waiting, "wait-read", RunSignal.Message), (run.Status, run.CurrentStepId, run.WaitingFor));
        Assert.Equal(start.AddHours(2), run.ResumeAt);
        Assert.Single(await engine.JournalAsync(run.Id), j => j.Verdict == JournalVerdict.Waiting); // looking again wrote no second line

        await engine.AdvanceAsync(TimeSpan.FromMinutes(119));
        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "W-1"), d => d.Channel == Channel.Sms && d.FlowKey == "escalate");

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        await engine.AdvanceAsync(TimeSpan.FromHours(5));

        var sms = Assert.Single(await engine.DeliveriesAsync("task", "W-1"), d => d.Channel == Channel.Sms && d.FlowKey == "escalate");
        Assert.Equal(("kari", "escalate"), (sms.ContactKey, sms.StepId));
        run = await RunAsync(engine, "W-1", "escalate");
        Assert.Equal(RunStatus.Completed, run.Status);
        var timedOut = Assert.Single(await engine.JournalAsync(run.Id), j => j.StepId == "wait-read" && j.Verdict == JournalVerdict.TimedOut);
        Assert.Contains("did not happen", timedOut.Message);
        Assert.Contains("going to 'escalate'", timedOut.Message);
    }

    [Fact]
    public async Task ReadInTime_TheRunEndsAtOnce_AndNoSmsEverGoes()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("escalate", Escalation());
        await engine.UpsertTaskAsync("W-2", "open", null, "per");
        await engine.RunAllAsync();
        var inApp = Assert.Single(await engine.DeliveriesAsync("task", "W-2"), d => d.FlowKey == "escalate");

        engine.Clock.Advance(TimeSpan.FromMinutes(45));
        await MarkReadAsync(engine, inApp.Id);
        await engine.RunAllAsync(); // the clock has not moved since the read: the wake-up alone moves the run

        var run = await RunAsync(engine, "W-2", "escalate");
        Assert.Equal(RunStatus.Completed, run.Status);
        var happened = Assert.Single(await engine.JournalAsync(run.Id), j => j.Verdict == JournalVerdict.Happened);
        Assert.Contains("Per Olsen read the message of 'tell'", happened.Message);
        await engine.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "W-2"), d => d.Channel == Channel.Sms && d.FlowKey == "escalate");
    }

    [Fact]
    public async Task ReadButTheWakeUpWasMissed_TheStepLooksBeforeTimingOut_AndNoSmsGoes()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("escalate", Escalation());
        await engine.UpsertTaskAsync("W-3", "open", null, "per");
        await engine.RunAllAsync();
        var inApp = Assert.Single(await engine.DeliveriesAsync("task", "W-3"), d => d.FlowKey == "escalate");
        await MarkReadAsync(engine, inApp.Id, tellTheRuns: false); // as if the process stopped between the read and the wake-up

        await engine.AdvanceAsync(TimeSpan.FromHours(2));

        var run = await RunAsync(engine, "W-3", "escalate");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.Verdict == JournalVerdict.Happened);
        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "W-3"), d => d.Channel == Channel.Sms && d.FlowKey == "escalate");
    }

    [Fact]
    public async Task StatusWait_AnUnrelatedChangeWakesItButItWaitsOnForTheSameTime_ThenDoneGoesOnAtOnce()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("thanks", WaitForStatus());
        var start = engine.Clock.GetUtcNow().UtcDateTime;
        await engine.UpsertTaskAsync("W-4", "open", null, "per");
        await engine.RunAllAsync();
        var run = await RunAsync(engine, "W-4", "thanks");
        Assert.Equal((RunStatus.Waiting, RunSignal.Record, start.AddDays(1), start), (run.Status, run.WaitingFor, run.ResumeAt, run.WaitingSince));

        engine.Clock.Advance(TimeSpan.FromHours(3));
        await engine.UpsertTaskAsync("W-4", "in-progress", null, "per");
        await engine.RunAllAsync();
        run = await RunAsync(engine, "W-4", "thanks");
        Assert.Equal((RunStatus.Waiting, start.AddDays(1), start), (run.Status, run.ResumeAt, run.WaitingSince));
        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "W-4"), d => d.FlowKey == "thanks");

        engine.Clock.Advance(TimeSpan.FromHours(1));
        await engine.UpsertTaskAsync("W-4", "done", null, "per");
        await engine.RunAllAsync();

        run = await RunAsync(engine, "W-4", "thanks");
        Assert.Equal(RunStatus.Completed, run.Status);
        var journal = await engine.JournalAsync(run.Id);
        Assert.Contains(journal, j => j.Verdict == JournalVerdict.Happened && j.Message.Contains("status is 'done'"));
        Assert.Equal(("kari", Channel.Email), Assert.Single(await engine.DeliveriesAsync("task", "W-4"), d => d.FlowKey == "thanks") is var d ? (d.ContactKey, d.Channel) : default);
    }

    [Fact]
    public async Task EventWait_TheEventArrivesInTime_NoChase_ButWithoutItTheManagerIsChased()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("chase", WaitForEvent());
        await engine.UpsertTaskAsync("W-5", "open", null, "per");
        await engine.UpsertTaskAsync("W-6", "open", null, "per");
        await engine.RunAllAsync();

        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        await engine.Ingest.PostEventAsync(new CustomEvent("customer.answered", "task", "W-5", new Dictionary<string, JsonElement>()), null, CancellationToken.None);
        await engine.RunAllAsync();
        Assert.Equal(RunStatus.Completed, (await RunAsync(engine, "W-5", "chase")).Status);
        Assert.Equal(RunStatus.Waiting, (await RunAsync(engine, "W-6", "chase")).Status);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(20));

        Assert.DoesNotContain(await engine.DeliveriesAsync("task", "W-5"), d => d.FlowKey == "chase");
        Assert.Equal("kari", Assert.Single(await engine.DeliveriesAsync("task", "W-6"), d => d.FlowKey == "chase").ContactKey);
        var six = await RunAsync(engine, "W-6", "chase");
        Assert.Contains(await engine.JournalAsync(six.Id), j => j.Verdict == JournalVerdict.TimedOut);
    }

    [Fact]
    public async Task DryRun_ListsTheWait_AndTakesTheTimedOutWay_StoringNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        var start = engine.Clock.GetUtcNow().UtcDateTime;
        await engine.UpsertTaskAsync("W-7", "open", null, "per");
        await engine.RunAllAsync();
        int runs;
        await using (var db = await engine.Db()) runs = await db.Runs.CountAsync();

        var result = await engine.Services.GetRequiredService<DryRunner>()
            .RunAsync("escalate", Escalation(), new DryRunRequest(new DryRunRecord("task", "W-7"), new DryRunEvent(EventTypes.Created)), CancellationToken.None);

        var wait = Assert.Single(result.Waits);
        Assert.Equal(("wait-read", start.AddHours(2)), (wait.StepId, wait.Until));
        Assert.Equal("at most 2 hours for the message of 'tell' to be read", wait.Why);
        Assert.Equal(["trigger", "tell", "wait-read", "wait-read", "escalate"], result.Path.Select(p => p.StepId));
        Assert.Equal(JournalVerdict.TimedOut, result.Path[3].Decision);
        Assert.Equal([("inApp", "per"), ("sms", "kari")], result.Messages.Select(m => (m.Channel, m.Contact)));
        await using (var db = await engine.Db()) Assert.Equal(runs, await db.Runs.CountAsync());
    }

    [Theory]
    [InlineData(WaitForWhat.Read, "email-only", "steps[1].step", "sends no in-app message")]
    [InlineData(WaitForWhat.Delivered, "nowhere", "steps[1].step", "there is no send step 'nowhere'")]
    [InlineData(WaitForWhat.Status, null, "steps[1].statuses", "at least one status")]
    [InlineData(WaitForWhat.Event, null, "steps[1].eventType", "is required")]
    public async Task Saving_AWaitThatCannotWork_NamesTheField(WaitForWhat what, string? step, string field, string words)
    {
        await using var engine = await EngineHarness.StartAsync(seedDemo: true);
        var flow = new FlowDefinition
        {
            Name = "Broken wait",
            Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
            Steps =
            [
                new SendStepDefinition { Id = "email-only", Channels = ["email"], Template = "task-overdue", Recipients = ["manager"] },
                new WaitForStepDefinition { Id = "wait", For = what, Step = step, Amount = 0 },
            ],
        };

        var error = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() =>
            engine.Services.GetRequiredService<FlowService>().SaveDraftAsync("broken", flow, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == field && e.Message.Contains(words));
        Assert.Contains(error.Errors, e => e.Field == "steps[1].amount");
    }
}
