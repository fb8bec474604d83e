using Notify.Web.Features.Flows.Designer;
using Notify.Web.Features.Flows.Designer.Steps;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.Stop;

namespace Notify.Web.Tests.Features.Flows;

public class FlowDesignTests
{
    private static readonly FlowDefinition Everything = new()
    {
        Name = "Everything",
        Description = "Every kind of step",
        Required = true,
        Trigger = new TriggerDefinition { Event = "invoice.paid", RecordTypes = ["invoice", "order"] },
        Steps =
        [
            new BranchStepDefinition { Id = "big", Title = "Big invoice?", Expression = "event.Amount > 1000", Then = "wait", Else = "stop" },
            new DelayStepDefinition { Id = "wait", Amount = 2, Unit = TimeUnit.WorkingDays, Until = "deadline", Direction = OffsetDirection.Before },
            new DelayStepDefinition { Id = "pause", Amount = 30, Unit = TimeUnit.Minutes },
            new SendStepDefinition { Id = "tell", Channels = ["inApp", "sms"], Template = "paid", Recipients = ["manager", "group:office", "email:boss@example.com"], Next = "stop" },
            new ConditionStepDefinition { Id = "never", Expression = "false" },
            new StopStepDefinition { Id = "stop", Reason = "done" },
        ],
    };

    public static TheoryData<string> Flows => ["order-ready", "task-due-soon", "task-overdue", "everything"];

    private static FlowDefinition Named(string name) => name switch
    {
        "order-ready" => DemoFlows.OrderReady,
        "task-due-soon" => DemoFlows.TaskDueSoon,
        "task-overdue" => DemoFlows.TaskOverdue,
        _ => Everything,
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void FromThenTo_GivesBackTheSameFlow(string name)
    {
        var definition = Named(name);

        var roundTripped = FlowDesign.From(definition).ToDefinition();

        Assert.Equal(FlowJson.Serialize(definition), FlowJson.Serialize(roundTripped));
    }

    [Fact]
    public void CustomEvent_IsShownAsCustom_WithItsType()
    {
        var design = FlowDesign.From(Everything);

        Assert.Equal(FlowDesign.CustomEvent, design.Event);
        Assert.Equal("invoice.paid", design.CustomEventType);
        var recipients = design.Steps[3].As<SendStepDefinition>().Recipients;
        Assert.Equal(["manager", "group:office"], RecipientChoice.Roles(recipients)); // both tick boxes
        Assert.Equal("email:boss@example.com", RecipientChoice.Others(recipients));
    }

    [Fact]
    public void SwitchingTrigger_DropsTheOldTriggersSettings()
    {
        var design = FlowDesign.From(DemoFlows.OrderReady);

        design.Event = "record.created";
        var trigger = design.ToDefinition().Trigger;

        Assert.Empty(trigger.ToStatuses);
        Assert.Null(trigger.Deadline);
        Assert.Equal(["order"], trigger.RecordTypes);
    }

    [Fact]
    public void Insert_GivesEachNewStepAnIdNoOtherStepHas()
    {
        var design = new FlowDesign();

        var first = design.Insert(0, "send");
        var second = design.Insert(0, "send");
        var third = design.Insert(5, "delay");

        Assert.Equal(["send-2", "send-1", "delay-1"], design.Steps.Select(s => s.Id));
        Assert.Same(first, design.Steps[1]);
        Assert.Same(second, design.Steps[0]);
        Assert.Same(third, design.Steps[2]);
        Assert.Equal(["email"], first.As<SendStepDefinition>().Channels);
        Assert.Equal(1, third.As<DelayStepDefinition>().Amount);
    }

    [Fact]
    public void Remove_TurnsJumpsToTheRemovedStepIntoEnds()
    {
        var design = FlowDesign.From(Everything);

        design.Remove(design.Steps.FindIndex(s => s.Id == "stop"));

        Assert.Null(design.Steps[0].As<BranchStepDefinition>().Else);
        Assert.Equal("wait", design.Steps[0].As<BranchStepDefinition>().Then);
        Assert.Equal(StepDefinition.End, design.Steps.Single(s => s.Id == "tell").Next); // it ends, not falls through to the next step
        Assert.DoesNotContain("never", design.Graph().Reachable());
    }

    [Fact]
    public void Move_SwapsNeighbours_AndIgnoresMovesPastTheEnds()
    {
        var design = FlowDesign.From(DemoFlows.OrderReady);
        var ids = design.Steps.Select(s => s.Id).ToList();

        design.Move(0, -1);
        Assert.Equal(ids, design.Steps.Select(s => s.Id));

        design.Move(0, 1);
        Assert.Equal(Enumerable.Reverse(ids), design.Steps.Select(s => s.Id));
    }

    [Fact]
    public void RecipientChoice_JoinsTickedRolesAndTypedOthers_WithoutDuplicates()
    {
        var joined = RecipientChoice.Join(["customer", "manager"], "group:office; email:boss@example.com, group:office");

        Assert.Equal(["customer", "manager", "group:office", "email:boss@example.com"], joined);
    }

    [Fact]
    public void EveryStepKind_HasAnEditorAndAnIcon_AndANewStepOfItSavesAsThatKind()
    {
        foreach (var kind in Notify.Workflows.Steps.StepKinds.All)
        {
            var design = new FlowDesign();

            var step = design.Insert(0, kind.Kind);

            Assert.NotNull(StepDesigners.Editor(kind.Kind));
            Assert.NotEqual(MudBlazor.Icons.Material.Filled.Extension, StepDesigners.Icon(kind.Kind));
            Assert.Equal(kind.DefinitionType, step.ToDefinition().GetType());
            Assert.Equal(kind.Kind, FlowJson.Deserialize(FlowJson.Serialize(design.ToDefinition())).Steps[0].Kind);
        }
    }
}
