using Notify.Workflows.Definitions;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Steps;

/// <summary>Waits as data: computes the resume time from the injected clock; the runner saves it.</summary>
public sealed class DelayStep(WorkCalendar calendar) : IStep
{
    public string Kind => "delay";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (DelayStepDefinition)definition;
        DateTime until;
        if (string.Equals(step.Until, "deadline", StringComparison.OrdinalIgnoreCase))
        {
            if (context.Record.Deadline is not { } deadline)
            {
                return Task.FromResult(StepResult.End("no deadline", "The record has no deadline to wait for."));
            }

            until = calendar.Shift(deadline, step.Amount, step.Unit, step.Direction);
        }
        else
        {
            until = calendar.Shift(context.Now, step.Amount, step.Unit, OffsetDirection.After);
        }

        var followsDeadline = step.Until is not null;
        return Task.FromResult(until <= context.Now
            ? StepResult.Continue("no wait", $"{until:u} has already passed")
            : StepResult.Wait(until, followsDeadline ? $"waiting until {until:u}; the wait moves if the deadline moves" : $"waiting until {until:u}")
                with { FollowsRecordDate = followsDeadline });
    }
}
