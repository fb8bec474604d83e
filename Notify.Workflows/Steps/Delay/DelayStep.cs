using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Triggers;

namespace Notify.Workflows.Steps.Delay;

/// <summary>Waits as data: computes the resume time from the injected clock; the engine saves it.</summary>
public sealed class DelayStep(WorkCalendar calendar) : IStep
{
    public string Kind => "delay";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (DelayStepDefinition)definition;
        DateTime until;
        if (step.UntilDeadline)
        {
            if (context.Record.Deadline is not { } deadline)
            {
                return Task.FromResult(StepResult.End(JournalVerdict.Stopped, "The record has no deadline to wait for."));
            }

            until = calendar.Shift(deadline, step.Amount, step.Unit, step.Direction);
        }
        else
        {
            until = calendar.Shift(context.Now, step.Amount, step.Unit, OffsetDirection.After);
        }

        return Task.FromResult(until <= context.Now
            ? StepResult.Continue(JournalVerdict.NoWait, $"{until:u} has already passed")
            : StepResult.Wait(until, step.UntilDeadline ? $"waiting until {until:u}; the wait moves if the deadline moves" : $"waiting until {until:u}")
                with { FollowsRecordDate = step.UntilDeadline });
    }
}
