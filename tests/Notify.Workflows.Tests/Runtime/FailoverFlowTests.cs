using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Tests.Shared;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Tests.Channels;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>
/// A send step that fails over: channels tried in order per person, the next one when a person has no consent for one,
/// when Twilio refuses the number for good, or when the message is not read in time; each attempt its own delivery
/// saying what it stands in for.
/// </summary>
public sealed class FailoverFlowTests : IDisposable
{
    private readonly TwilioStandIn _twilio = new();

    private static FlowDefinition Flow(IReadOnlyList<string> channels, string recipient, WaitTime? after = null) => new()
    {
        Name = "Reach them somehow",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["task"] },
        Steps =
        [
            new SendStepDefinition { Id = "tell", Channels = channels, Template = channels.Contains("email") ? "order-ready" : "task-due-soon", Recipients = [recipient], Failover = true, FailoverAfter = after },
        ],
    };

    private static async Task<List<Delivery>> TellAsync(EngineHarness engine, string key) =>
        (await engine.DeliveriesAsync("task", key)).Where(d => d.FlowKey == "reach").OrderBy(d => d.CreatedAt).ThenBy(d => d.Channel).ToList();

    private static async Task<FlowRun> RunAsync(EngineHarness engine, string key) => Assert.Single(await engine.RunsAsync("task", key), r => r.FlowKey == "reach");

    private static Task UpsertAsync(EngineHarness engine, string key, string contact) =>
        engine.Ingest.UpsertRecordAsync("task", key, new RecordState
        {
            Status = "open", Title = $"Task {key}", Contacts = new Dictionary<string, string> { ["helper"] = contact },
        }, CancellationToken.None);

    [Fact]
    public async Task NoSmsConsent_EmailGoesInstead_SayingWhy_AndTheRunEndsOnceItIsSent()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("reach", Flow(["sms", "email"], "helper")); // Anna said no to SMS
        await UpsertAsync(engine, "F-1", "anna");
        await engine.RunAllAsync();
        await engine.RunAllAsync();

        var sent = await TellAsync(engine, "F-1");
        Assert.Equal([(Channel.Sms, DeliveryStatus.Skipped), (Channel.Email, DeliveryStatus.Sent)], sent.Select(d => (d.Channel, d.Status)));
        Assert.Equal("no SMS consent; trying email instead", sent[0].Reason);
        Assert.Equal("in place of the SMS message: no SMS consent", sent[1].InPlaceOf);
        var run = await RunAsync(engine, "F-1");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.Message.Contains("a message went to 1 of 1"));
    }

    [Fact]
    public async Task TwilioRefusesTheNumberForGood_EmailGoesInstead()
    {
        await using var engine = await EngineHarness.StartAsync(settings: TwilioOrders.Settings(_twilio.BaseUrl));
        var flows = engine.Services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("reach", Flow(["sms", "email"], "helper"), CancellationToken.None);
        await flows.PublishAsync("reach", false, CancellationToken.None);
        _twilio.Then(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}");

        await UpsertAsync(engine, "F-2", "ola");
        await engine.RunAllAsync(); // the SMS fails for good, which wakes the run
        await engine.RunAllAsync(); // it moves on: the email is decided and sent
        await engine.RunAllAsync(); // the email went: the run goes on and ends

        var sent = await TellAsync(engine, "F-2");
        Assert.Equal([(Channel.Sms, DeliveryStatus.Failed), (Channel.Email, DeliveryStatus.Sent)], sent.Select(d => (d.Channel, d.Status)));
        Assert.Contains("21211", sent[1].InPlaceOf);
        Assert.StartsWith("in place of the SMS message: ", sent[1].InPlaceOf);
        Assert.Single(_twilio.Requests, r => r.Method == "POST" && r.Form.GetValueOrDefault("Body", "").Contains("F-2")); // refused once, never tried again
        Assert.Equal(RunStatus.Completed, (await RunAsync(engine, "F-2")).Status);
    }

    [Fact]
    public async Task InAppNotReadWithinTwoHours_SmsGoesInstead_ButReadInTime_NoSms()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("reach", Flow(["inApp", "sms"], "helper", new WaitTime(2, TimeUnit.Hours)));
        await UpsertAsync(engine, "F-3", "per");
        await UpsertAsync(engine, "F-4", "per");
        await engine.RunAllAsync();
        await engine.RunAllAsync();
        Assert.Equal([Channel.InApp], (await TellAsync(engine, "F-3")).Select(d => d.Channel));

        engine.Clock.Advance(TimeSpan.FromMinutes(30));
        await using (var db = await engine.Db())
        {
            var read = await db.Deliveries.SingleAsync(d => d.RecordKey == "F-4" && d.FlowKey == "reach");
            read.MarkRead(engine.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await engine.Services.GetRequiredService<WaitingRuns>().MessagesChangedAsync([read.RunId], CancellationToken.None);
        }

        await engine.RunAllAsync();
        Assert.Equal(RunStatus.Completed, (await RunAsync(engine, "F-4")).Status);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(89));
        Assert.Equal([Channel.InApp], (await TellAsync(engine, "F-3")).Select(d => d.Channel));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        var sent = await TellAsync(engine, "F-3");
        Assert.Equal([Channel.InApp, Channel.Sms], sent.Select(d => d.Channel));
        Assert.Equal("in place of the in-app message: not read within 2 hours", sent[1].InPlaceOf);
        Assert.Equal([Channel.InApp], (await TellAsync(engine, "F-4")).Select(d => d.Channel));
        var run = await RunAsync(engine, "F-3");
        Assert.Equal(RunStatus.Completed, run.Status); // SMS is the last channel: nothing is left to fail over to, so the run goes on
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.StepId == "tell" && j.Message.Contains("a message went to 1 of 1"));
        await engine.AdvanceAsync(TimeSpan.FromHours(5));
        Assert.Equal(2, (await TellAsync(engine, "F-3")).Count);
    }

    [Fact]
    public async Task DryRun_ShowsTheFirstChannelThatCanReachEachPerson_AndSaysWhatARunWouldDo()
    {
        await using var engine = await EngineHarness.StartAsync();
        await UpsertAsync(engine, "F-5", "anna");

        var result = await engine.Services.GetRequiredService<DryRunner>().RunAsync("reach", Flow(["sms", "email", "inApp"], "helper", new WaitTime(1, TimeUnit.Hours)),
            new DryRunRequest(new DryRunRecord("task", "F-5"), new DryRunEvent(EventTypes.Created)), CancellationToken.None);

        Assert.Equal([("email", "anna")], result.Messages.Select(m => (m.Channel, m.Contact)));
        Assert.Equal([("sms", "no SMS consent; trying email instead")], result.Skipped.Select(s => (s.Channel, s.Reason)));
        Assert.Contains("moves on to the next channel when theirs fails, or is not delivered within 1 hour", result.Path[^1].Reason);
        Assert.Empty(result.Waits);
    }

    [Theory]
    [InlineData(new[] { "sms" }, true, null, "steps[0].channels")]
    [InlineData(new[] { "sms", "email" }, false, 2, "steps[0].failoverAfter")]
    [InlineData(new[] { "sms", "email" }, true, 0, "steps[0].failoverAfter.amount")]
    public async Task Saving_AFailoverThatCannotWork_NamesTheField(string[] channels, bool failover, int? hours, string field)
    {
        await using var engine = await EngineHarness.StartAsync();
        var flow = Flow(channels, "helper", hours is { } h ? new WaitTime(h, TimeUnit.Hours) : null) is var f
            ? f with { Steps = [((SendStepDefinition)f.Steps[0]) with { Failover = failover }] } : null;

        var error = await Assert.ThrowsAsync<Notify.Domain.Common.ValidationException>(() =>
            engine.Services.GetRequiredService<FlowService>().SaveDraftAsync("broken", flow!, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == field);
    }

    public void Dispose() => _twilio.Dispose();
}
