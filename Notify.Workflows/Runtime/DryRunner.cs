using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Runtime;

/// <summary>
/// Runs a flow's real steps on a real record without side effects: steps read through the same port as in a run,
/// but what they decide is collected, never added to a unit of work, and waits are stepped over with the clock moved
/// to their end.
/// </summary>
public sealed class DryRunner(
    IDbContextFactory<NotifyDbContext> dbFactory, StepRegistry steps, WorkCalendar calendar, TimeProvider time, Organisation.OrganisationSettingsStore organisation,
    Microsoft.Extensions.Options.IOptions<Organisation.OrganisationOptions> place)
{
    private const int MaxSteps = 200;

    public Task<DryRunResult> RunAsync(string flowKey, DryRunRequest request, CancellationToken ct) => RunAsync(flowKey, null, request, ct);

    /// <summary>As <see cref="RunAsync(string, DryRunRequest, CancellationToken)"/>, on <paramref name="unsaved"/> when given: the designer's flow as on screen.</summary>
    public async Task<DryRunResult> RunAsync(string flowKey, FlowDefinition? unsaved, DryRunRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var flow = unsaved ?? await DefinitionAsync(db, flowKey, request.Version, ct);
        if (request.Record is not { } wanted || string.IsNullOrWhiteSpace(wanted.Type) || string.IsNullOrWhiteSpace(wanted.Key))
        {
            throw new ValidationException("record", "is required: the type and key of a stored record.");
        }

        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Type == wanted.Type.ToLower() && r.Key == wanted.Key, ct)
            ?? throw new ValidationException("record", $"there is no {wanted.Type} '{wanted.Key}'.");
        var type = await db.RecordTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Type == record.Type, ct) ?? RecordType.Create(record.Type, record.Type, []);
        var now = request.At?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime;
        var e = await EventAsync(db, record, flow, request, now, ct);
        var result = await SimulateAsync(flowKey, flow, e, type, now, new DbStepReads(db, organisation), ct);
        return result with
        {
            Messages = result.Messages.Select(m => m.Channel == "email" ? m with { Html = Channels.Email.EmailLayout.Wrap(m.Html, m.Body, organisation.Branding) } : m).ToList(),
        };
    }

    /// <summary>
    /// The core of a dry run, shared with the impact preview: whether <paramref name="e"/> starts <paramref name="flow"/>,
    /// then its steps as of <paramref name="now"/>, reading through <paramref name="reads"/> (which may serve many runs).
    /// A deadline flow is judged on the event's own snapshot of the record. An email's <see cref="DryRunMessage.Html"/> is
    /// its own HTML part here, not yet in the layout.
    /// </summary>
    internal async Task<DryRunResult> SimulateAsync(
        string flowKey, FlowDefinition flow, RecordEvent e, RecordType type, DateTime now, IStepReads reads, CancellationToken ct)
    {
        var result = new Collected();
        if (!Starts(flow, e, type, result, ref now))
        {
            return result.ToResult(started: false);
        }

        var context = (DateTime at, ResumedWait? resumed) => new StepContext
        {
            RunId = Guid.Empty, FlowKey = flowKey, Event = e, Record = e.Current, RecordType = type, Now = at, FlowRequired = flow.Required, Throttle = flow.Throttle, IgnoreQuietHours = flow.IgnoreQuietHours,
            Reads = reads, Calendar = calendar, Zone = place.Value.Zone, Resumed = resumed, DryRun = true,
        };
        await StepsAsync(flow, context, result, now, ct);
        return result.ToResult(started: true);
    }

    private static async Task<FlowDefinition> DefinitionAsync(NotifyDbContext db, string key, int? version, CancellationToken ct)
    {
        if (version is { } n)
        {
            var stored = await db.FlowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FlowKey == key && v.Version == n, ct)
                ?? throw new NotFoundException("Flow version", $"{key} {n}");
            return stored.Definition();
        }

        return (await db.Flows.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct) ?? throw new NotFoundException("Flow", key)).Draft();
    }

    /// <summary>A stored event, or the one the admin describes on the record as it is now (a deadline flow: its deadline event).</summary>
    private static async Task<RecordEvent> EventAsync(NotifyDbContext db, Record record, FlowDefinition flow, DryRunRequest request, DateTime now, CancellationToken ct)
    {
        if (request.EventId is { } id)
        {
            return await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RecordType == record.Type && x.RecordKey == record.Key, ct)
                ?? throw new ValidationException("eventId", $"{record.Type} '{record.Key}' has no event {id}.");
        }

        var described = request.Event ?? new DryRunEvent(flow.Trigger.Event, Fields: flow.Trigger.Fields);
        if (string.IsNullOrWhiteSpace(described.Type))
        {
            throw new ValidationException("event.type", "is required, e.g. record.status_changed.");
        }

        var current = record.Snapshot();
        current = described.ToStatus is { } to ? current with { Status = to } : current;
        var previous = described.FromStatus is { } from ? current with { Status = from } : record.Snapshot();
        return EventTypes.IsBuiltIn(described.Type)
            ? RecordEvent.FromChange(new RecordChange(described.Type, described.FromStatus, described.ToStatus,
                described.AddedAssignees ?? (described.Type == EventTypes.Assigned ? current.Assignees : [])), previous, current, now,
                described.Type == EventTypes.Changed ? AssumedChanges(flow, described) : null)
            : RecordEvent.Custom(described.Type, current, described.Data ?? new Dictionary<string, System.Text.Json.JsonElement>(), null, now);
    }

    /// <summary>A trial "record changed": the fields it names, else those the flow watches, else the status.</summary>
    private static IReadOnlyList<string> AssumedChanges(FlowDefinition flow, DryRunEvent described) =>
        described.Fields is { Count: > 0 } given ? given
        : flow.AllTriggers.FirstOrDefault(t => t.Event == EventTypes.Changed)?.Fields is { Count: > 0 } watched ? watched
        : ["status"];

    /// <summary>Whether the trigger fits; a deadline flow first waits (on paper) until its time, and stops if the record would not need it.</summary>
    private bool Starts(FlowDefinition flow, RecordEvent e, RecordType type, Collected result, ref DateTime now)
    {
        var record = e.Current;
        var trigger = flow.AllTriggers.Where(t => t.Event != EventTypes.Deadline).FirstOrDefault(t => TriggerMatcher.Match(t, e).Matches);
        if (trigger is null && flow.DeadlineTrigger is not null)
        {
            if (!TriggerMatcher.WatchesDeadlinesOf(flow, record.Type) || record.Deadline is not { } deadline)
            {
                result.Path.Add(new(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.Cancelled,
                    !TriggerMatcher.WatchesDeadlinesOf(flow, record.Type) ? $"The flow does not watch {record.Type} deadlines." : "The record has no deadline, so no reminder would be made."));
                return false;
            }

            var offset = flow.DeadlineTrigger!.Deadline!;
            var due = calendar.Shift(deadline, offset.Amount, offset.Unit, offset.Direction);
            result.Waits.Add(new(JournalEntry.TriggerStep, due, offset.ToString()));
            if (type.IsDone(e.Current.Status))
            {
                result.Path.Add(new(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.Cancelled, $"The {record.Type} is {e.Current.Status}: the reminder would be withdrawn."));
                return false;
            }

            result.Path.Add(new(JournalEntry.TriggerStep, JournalEntry.TriggerStep, JournalVerdict.DeadlineReached, $"{offset}: the reminder would go at {due:u}."));
            now = due > now ? due : now;
            return true;
        }

        var match = TriggerMatcher.Match(flow, e);
        result.Path.Add(new(JournalEntry.TriggerStep, JournalEntry.TriggerStep, match.Matches ? JournalVerdict.ConditionMet : JournalVerdict.ConditionNotMet,
            trigger is not null ? $"{FlowDescriber.Trigger(trigger)}: this event starts the flow." : $"Not started: it {match.Reason}."));
        return match.Matches;
    }

    private async Task StepsAsync(FlowDefinition flow, Func<DateTime, ResumedWait?, StepContext> context, Collected result, DateTime now, CancellationToken ct)
    {
        var current = flow.Steps.FirstOrDefault()?.Id;
        ResumedWait? resumed = null;
        for (var i = 0; i < MaxSteps && current is not null; i++)
        {
            var index = flow.Steps.ToList().FindIndex(s => s.Id == current);
            var definition = index < 0 ? null : flow.Steps[index];
            if (definition is null || steps.Find(definition.Kind) is not { } step)
            {
                result.Path.Add(new(current, "run", JournalVerdict.Failed, $"The flow has no runnable step '{current}'."));
                return;
            }

            var decided = await step.ExecuteAsync(context(now, resumed), definition, ct);
            resumed = null;
            result.Path.Add(new(definition.Id, definition.Kind, decided.Verdict, decided.Message));
            result.Messages.AddRange(decided.Deliveries.Select(d => new DryRunMessage(d.Channel.ToName(), d.ContactKey, d.Address, d.Subject, d.Body,
                d.Channel == Channel.Sms ? (SmsBody.Measure(d.Body).Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2") : null, d.Segments, definition.Id, d.RecipientName, d.HtmlBody, d.NotBefore)));
            result.Skipped.AddRange(decided.Skipped.Select(s => new DryRunSkip(s.Draft.ContactKey, s.Draft.Channel.ToName(), s.Reason, definition.Id)));
            var next = flow.NextOf(index);
            switch (decided.Decision)
            {
                case StepDecision.Continue:
                    current = decided.EndsFlow ? null : decided.JumpTo ?? next;
                    break;
                case StepDecision.Wait when decided.WakesOn is not null:
                    // Nothing of a dry run is read or delivered, and no event comes: the wait runs to its time-out, and the step looks again.
                    result.Waits.Add(new(definition.Id, decided.ResumeAt!.Value, WaitWords(definition)));
                    resumed = new ResumedWait(definition.Id, now);
                    now = decided.ResumeAt.Value;
                    break;
                case StepDecision.Wait:
                    result.Waits.Add(new(definition.Id, decided.ResumeAt!.Value, WaitWords(definition)));
                    now = decided.ResumeAt.Value; // carry on past the wait, as of its end
                    current = next;
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>"2 hours before the deadline", "2 working days later".</summary>
    private static string? WaitWords(StepDefinition step) => step switch
    {
        Steps.Delay.DelayStepDefinition { UntilDeadline: true } delay => new DeadlineOffset(delay.Amount, delay.Unit, delay.Direction).ToString(),
        Steps.Delay.DelayStepDefinition delay => $"{new DeadlineOffset(delay.Amount, delay.Unit, OffsetDirection.After).Duration} later",
        Steps.WaitFor.WaitForStepDefinition wait => $"at most {Steps.WaitFor.WaitForWords.TimeOut(wait)} for {Steps.WaitFor.WaitForWords.What(wait)}",
        _ => null,
    };

    private sealed class Collected
    {
        public List<DryRunStep> Path { get; } = [];

        public List<DryRunWait> Waits { get; } = [];

        public List<DryRunMessage> Messages { get; } = [];

        public List<DryRunSkip> Skipped { get; } = [];

        public DryRunResult ToResult(bool started) => new(Path, Waits, Messages, Skipped, started);
    }
}
