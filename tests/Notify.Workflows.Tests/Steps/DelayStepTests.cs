using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;
using Notify.Workflows.Triggers;
using Notify.Workflows.Steps.Delay;

namespace Notify.Workflows.Tests.Steps;

public class DelayStepTests
{
    private static readonly StepHarness Harness = new();

    private static DateTime Now => Harness.Now;

    private static StepContext Context(DateTime? deadline) => Harness.Context(new RecordSnapshot { Type = "task", Key = "T", Deadline = deadline });

    [Fact]
    public async Task Duration_SuspendsUntilNowPlusTheDelay()
    {
        var step = new DelayStep(new WorkCalendar());

        var result = await step.ExecuteAsync(Context(null), new DelayStepDefinition { Id = "d", Amount = 2, Unit = TimeUnit.Hours }, CancellationToken.None);

        Assert.Equal(StepDecision.Wait, result.Decision);
        Assert.Equal(Now.AddHours(2), result.ResumeAt);
    }

    [Fact]
    public async Task UntilDeadlineMinusOneDay_SuspendsUntilThen()
    {
        var step = new DelayStep(new WorkCalendar());
        var definition = new DelayStepDefinition { Id = "d", Amount = 1, Unit = TimeUnit.Days, Until = "deadline", Direction = OffsetDirection.Before };

        var result = await step.ExecuteAsync(Context(Now.AddDays(3)), definition, CancellationToken.None);

        Assert.Equal(Now.AddDays(2), result.ResumeAt);
    }

    [Fact]
    public async Task UntilATimeAlreadyPassed_GoesOnAtOnce()
    {
        var step = new DelayStep(new WorkCalendar());
        var definition = new DelayStepDefinition { Id = "d", Amount = 1, Unit = TimeUnit.Days, Until = "deadline", Direction = OffsetDirection.Before };

        var result = await step.ExecuteAsync(Context(Now.AddHours(2)), definition, CancellationToken.None);

        Assert.Equal(StepDecision.Continue, result.Decision);
    }
}
