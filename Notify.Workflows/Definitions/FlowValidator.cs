using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Conditions;

namespace Notify.Workflows.Definitions;

/// <summary>Checks a flow before it is saved: every reference resolves and every condition compiles.</summary>
public sealed class FlowValidator(IConditionEvaluator conditions)
{
    public IReadOnlyList<FieldError> Validate(FlowDefinition flow, ISet<string> templateKeys)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(flow.Name)) errors.Add(new("name", "is required."));
        ValidateTrigger(flow.Trigger, errors);
        var ids = flow.Steps.Select(s => s.Id).ToList();
        if (flow.Steps.Count == 0) errors.Add(new("steps", "a flow needs at least one step."));
        for (var i = 0; i < flow.Steps.Count; i++)
        {
            var step = flow.Steps[i];
            var at = $"steps[{i}]";
            if (!Keys.IsValid(step.Id)) errors.Add(new($"{at}.id", "is required: letters, digits, '-', '_' or '.'."));
            else if (ids.Count(x => x == step.Id) > 1) errors.Add(new($"{at}.id", $"'{step.Id}' is used by more than one step."));
            CheckTarget(step.Next, $"{at}.next", ids, errors);
            switch (step)
            {
                case ConditionStepDefinition c:
                    CheckExpression(c.Expression, $"{at}.expression", errors);
                    break;
                case BranchStepDefinition b:
                    CheckExpression(b.Expression, $"{at}.expression", errors);
                    CheckTarget(b.Then, $"{at}.then", ids, errors);
                    CheckTarget(b.Else, $"{at}.else", ids, errors);
                    break;
                case DelayStepDefinition d:
                    if (d.Amount < 0 || d.Amount > 100_000) errors.Add(new($"{at}.amount", "must be between 0 and 100000."));
                    if (d.Until is not null && !d.Until.Equals("deadline", StringComparison.OrdinalIgnoreCase))
                        errors.Add(new($"{at}.until", "can only be 'deadline' (or left out for a plain duration)."));
                    break;
                case SendStepDefinition s:
                    ValidateSend(s, at, templateKeys, errors);
                    break;
            }
        }

        return errors;
    }

    private static void ValidateTrigger(TriggerDefinition trigger, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(trigger.Event))
        {
            errors.Add(new("trigger.event", "is required: record.created, record.status_changed, record.assigned, record.deadline or a custom event type."));
            return;
        }

        if (trigger.Event == EventTypes.DeadlineChanged)
        {
            errors.Add(new("trigger.event", "use record.deadline with an offset to remind before or after a deadline."));
        }

        if (trigger.Event == EventTypes.Deadline)
        {
            if (trigger.Deadline is null) errors.Add(new("trigger.deadline", "is required for record.deadline: how long before or after."));
            else if (trigger.Deadline.Amount is < 0 or > 100_000) errors.Add(new("trigger.deadline.amount", "must be between 0 and 100000."));
        }
    }

    private static void ValidateSend(SendStepDefinition s, string at, ISet<string> templateKeys, List<FieldError> errors)
    {
        if (s.Channels.Count == 0) errors.Add(new($"{at}.channels", "choose at least one channel: sms, email or inApp."));
        for (var c = 0; c < s.Channels.Count; c++)
        {
            if (!ChannelNames.TryParse(s.Channels[c], out _)) errors.Add(new($"{at}.channels[{c}]", $"'{s.Channels[c]}' is not a channel: use sms, email or inApp."));
        }

        if (string.IsNullOrWhiteSpace(s.Template)) errors.Add(new($"{at}.template", "is required."));
        else if (!templateKeys.Contains(s.Template)) errors.Add(new($"{at}.template", $"there is no template '{s.Template}'."));
        if (s.Recipients.Count == 0) errors.Add(new($"{at}.recipients", "choose at least one recipient role."));
    }

    private void CheckExpression(string expression, string field, List<FieldError> errors)
    {
        if (conditions.Validate(expression) is { } error) errors.Add(new(field, error));
    }

    private static void CheckTarget(string? target, string field, List<string> ids, List<FieldError> errors)
    {
        if (target is not null && !ids.Contains(target)) errors.Add(new(field, $"there is no step '{target}'."));
    }
}
