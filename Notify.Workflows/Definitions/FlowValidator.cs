using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Workflows.Conditions;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Definitions;

/// <summary>Checks a flow before it is saved: every reference resolves and every condition compiles.</summary>
public sealed class FlowValidator(IConditionEvaluator conditions, Channels.Webhooks.WebhookEndpoints? webhooks = null)
{
    public IReadOnlyList<FieldError> Validate(FlowDefinition flow, ISet<string> templateKeys)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(flow.Name)) errors.Add(new("name", "is required."));
        if (flow.Throttle is { } throttle)
        {
            if (throttle.Max is < 1 or > 10_000) errors.Add(new("throttle.max", "must be between 1 and 10000 messages."));
            if (throttle.Per is null) errors.Add(new("throttle.per", "is required: how long the window is, e.g. { \"amount\": 1, \"unit\": \"days\" }."));
            else if (throttle.Per.Amount is < 1 or > 100_000) errors.Add(new("throttle.per.amount", "must be between 1 and 100000."));
        }

        if (flow.Triggers is { Count: > 1 } several)
        {
            for (var i = 0; i < several.Count; i++) ValidateTrigger(several[i], $"triggers[{i}]", errors);
            if (several.Count(t => t?.Event == EventTypes.Deadline) > 1)
                errors.Add(new("triggers", "a flow can have one deadline trigger: make a second flow for another reminder."));
        }
        else
        {
            ValidateTrigger(flow.AllTriggers[0], flow.Triggers is { Count: 1 } ? "triggers[0]" : "trigger", errors);
        }

        var empty = flow.Steps.Select((s, i) => (s, i)).Where(x => x.s is null).ToList();
        if (empty.Count > 0)
        {
            errors.AddRange(empty.Select(x => new FieldError($"steps[{x.i}]", "is empty: a step needs a kind and an id.")));
            return errors;
        }

        var ids = flow.Steps.Select(s => s.Id).ToList();
        if (flow.Steps.Count == 0) errors.Add(new("steps", "a flow needs at least one step."));
        var check = new FlowCheck(conditions, templateKeys, flow.Steps)
        {
            WebhookKeys = flow.Steps.Any(s => s is Steps.Webhook.WebhookStepDefinition) && webhooks is not null
                ? webhooks.All().Select(w => w.Key).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
        };
        for (var i = 0; i < flow.Steps.Count; i++)
        {
            var step = flow.Steps[i];
            var at = $"steps[{i}]";
            if (!Keys.IsValid(step.Id)) errors.Add(new($"{at}.id", "is required: letters, digits, '-', '_' or '.'."));
            else if (step.Id == FlowGraph.Trigger) errors.Add(new($"{at}.id", $"'{step.Id}' is the name of the flow's start: choose another id."));
            else if (ids.Count(x => x == step.Id) > 1) errors.Add(new($"{at}.id", $"'{step.Id}' is used by more than one step."));
            check.Target(step.Next, $"{at}.next", errors);
            StepKinds.Of(step).Validate(step, at, check, errors);
        }

        if (errors.Count == 0) FlowShapeCheck.LoopsWithoutWait(flow, errors);
        ValidateLayout(flow, ids, errors);
        return errors;
    }

    private static void ValidateLayout(FlowDefinition flow, List<string> ids, List<FieldError> errors)
    {
        foreach (var (node, position) in flow.Layout ?? new Dictionary<string, NodePosition>())
        {
            if (node != FlowGraph.Trigger && !ids.Contains(node))
                errors.Add(new($"layout.{node}", $"there is no step '{node}' to place (use a step id or 'trigger')."));
            else if (position is null || !position.IsValid)
                errors.Add(new($"layout.{node}", $"x and y must be numbers between -{NodePosition.Limit:0} and {NodePosition.Limit:0}."));
        }
    }

    private static void ValidateTrigger(TriggerDefinition? trigger, string at, List<FieldError> errors)
    {
        if (trigger is null || string.IsNullOrWhiteSpace(trigger.Event))
        {
            errors.Add(new($"{at}.event", "is required: record.created, record.status_changed, record.assigned, record.changed, record.deadline or a custom event type."));
            return;
        }

        if (trigger.Event == EventTypes.DeadlineChanged)
        {
            errors.Add(new($"{at}.event", "use record.deadline with an offset to remind before or after a deadline."));
        }

        if (trigger.Event == EventTypes.Deadline)
        {
            if (trigger.Deadline is null) errors.Add(new($"{at}.deadline", "is required for record.deadline: how long before or after."));
            else if (trigger.Deadline.Amount is < 0 or > 100_000) errors.Add(new($"{at}.deadline.amount", "must be between 0 and 100000."));
        }

        var fields = trigger.Fields ?? [];
        if (fields.Count > 0 && trigger.Event != EventTypes.Changed)
        {
            errors.Add(new($"{at}.fields", "only a record.changed trigger watches fields."));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not { } field || !RecordDiff.IsWatchable(field))
                errors.Add(new($"{at}.fields[{i}]", $"'{fields[i]}' is not a field to watch: use {string.Join(", ", RecordDiff.Watchable)} or data.KEY (e.g. data.booking_start)."));
        }
    }
}
