using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Definitions;

public class FlowDiffTests
{
    [Fact]
    public void Between_AStepAddedAndAConditionTightened_SaysBothInWords()
    {
        var before = DemoFlows.OrderReady;
        var after = before with
        {
            Steps =
            [
                new ConditionStepDefinition { Id = "still-ready", Title = "Order is still ready", Expression = "record.Status == \"ready\" && (record.Has(\"amount\") && record.Number(\"amount\") > 1000)" },
                before.Steps[1],
                new SendStepDefinition { Id = "tell-manager", Title = "Tell the manager", Channels = ["sms"], Template = "order-ready", Recipients = ["manager"] },
            ],
        };

        var words = FlowDiff.Between(before, after);

        Assert.Equal(
            "'Order is still ready' now: Only if status is \"ready\" and amount is more than 1000 (was: Only if status is \"ready\"); " +
            "added 'Tell the manager': Send 'order-ready' by sms to manager.", words);
    }

    [Fact]
    public void Between_TheTriggerChangedAndAStepRemoved_SaysWhatItWas()
    {
        var before = DemoFlows.OrderReady;
        var after = before with
        {
            Trigger = before.Trigger with { ToStatuses = ["collected"] },
            Steps = [before.Steps[1]],
        };

        var words = FlowDiff.Between(before, after);

        Assert.Equal("The trigger is now \"When an order's status changes to collected\" (was \"When an order's status changes to ready\"); removed 'Order is still ready'.", words);
    }

    [Fact]
    public void Between_OnlyTheLayoutMoved_SaysNothingChangedInWhatItDoes()
    {
        var before = DemoFlows.OrderReady;
        var after = before with { Layout = new Dictionary<string, NodePosition> { ["trigger"] = new(10, 10) } };

        Assert.Equal("No change to what the flow does (only its layout or wording).", FlowDiff.Between(before, after));
        Assert.Equal("The first version.", FlowDiff.Between(null, after));
    }
}
