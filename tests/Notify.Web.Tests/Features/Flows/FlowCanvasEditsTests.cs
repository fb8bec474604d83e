using Notify.Web.Features.Flows;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Steps;

namespace Notify.Web.Tests.Features.Flows;

/// <summary>The edits the canvas makes to a flow: arrows drawn and taken away, nodes added, renamed and removed, undo and redo.</summary>
public class FlowCanvasEditsTests
{
    private static string Arrows(FlowDesign design) =>
        string.Join(" ", design.Graph().Edges.Select(e => $"{e.From}.{e.Exit}>{e.Target ?? "end"}"));

    [Fact]
    public void Add_NewNode_LeadsNowhere_AndNothingLeadsToIt_AndEarlierArrowsStay()
    {
        var design = FlowDesign.From(DemoFlows.TaskDueSoon);
        var before = Arrows(design);

        var added = design.Add("send", new NodePosition(400, 500));

        Assert.Equal(before + $" {added.Id}.next>end", Arrows(design));
        Assert.Equal(new NodePosition(400, 500), design.ToDefinition().Layout![added.Id]);
        Assert.DoesNotContain(added.Id, design.Graph().Reachable());
    }

    [Fact]
    public void Connect_TriggerToAStep_MakesItTheFirst_WithoutMovingOtherArrows()
    {
        var design = FlowDesign.From(FlowStarters.Create(FlowStarters.Empty, "t"));
        var first = design.Add("send", new NodePosition(0, 200));
        var branch = design.Add("branch", new NodePosition(0, 400));

        design.Connect(FlowGraph.Trigger, StepExit.Next, branch.Id);
        design.Connect(branch.Id, "then", first.Id);

        Assert.Equal($"trigger.next>{branch.Id} {branch.Id}.then>{first.Id} {branch.Id}.else>end {first.Id}.next>end", Arrows(design));
    }

    [Fact]
    public void Disconnect_StepArrow_EndsThePathThere_EvenWhenAStepFollowsInTheList()
    {
        var design = FlowDesign.From(DemoFlows.TaskDueSoon);
        var first = design.Steps[0].Id;

        design.Disconnect(first, StepExit.Next);

        Assert.Equal($"trigger.next>{first} {first}.next>end", string.Join(" ", Arrows(design).Split(' ').Take(2)));
        Assert.Single(design.Graph().Reachable());
    }

    [Fact]
    public void Rename_MovesArrowsAndPositionWithTheStep()
    {
        var design = FlowDesign.From(FlowStarters.Create("deadline-reminders", "r"));
        var layoutBefore = design.Layout["remind"];

        design.Rename(design.Steps.Single(s => s.Id == "until-after"), "wait-after");

        Assert.Contains("remind.next>wait-after", Arrows(design));
        Assert.Equal(layoutBefore, design.Layout["remind"]);
        Assert.True(design.Layout.ContainsKey("wait-after"));
        Assert.False(design.Layout.ContainsKey("until-after"));
    }

    [Fact]
    public void History_UndoAndRedo_BringBackTheFlowAndItsPositions()
    {
        var design = FlowDesign.From(DemoFlows.OrderReady);
        var history = new FlowHistory();
        history.Reset(design);
        var original = FlowJson.Serialize(design.ToDefinition());

        design.Add("stop", new NodePosition(10, 900));
        history.Record(design);
        var withStop = FlowJson.Serialize(design.ToDefinition());

        Assert.True(history.Undo(design));
        Assert.Equal(DemoFlows.OrderReady.Steps.Count, design.Steps.Count);
        Assert.Equal(FlowDefinitionSteps(original), FlowDefinitionSteps(FlowJson.Serialize(design.ToDefinition())));
        Assert.False(history.CanUndo);
        Assert.True(history.Redo(design));
        Assert.Equal(withStop, FlowJson.Serialize(design.ToDefinition()));
    }

    [Fact]
    public void LoadedFlowWithoutLayout_SavesWithoutOne_UntilSomethingIsDrawn()
    {
        var design = FlowDesign.From(DemoFlows.OrderReady);

        Assert.Null(design.ToDefinition().Layout);
        Assert.Equal(FlowJson.Serialize(DemoFlows.OrderReady), FlowJson.Serialize(design.ToDefinition()));
        design.Place(FlowGraph.Trigger, new NodePosition(5, 5));
        Assert.Equal(new NodePosition(5, 5), design.ToDefinition().Layout![FlowGraph.Trigger]);
    }

    [Theory]
    [InlineData("Booking confirmed (Tromsø)", "booking-confirmed-tromso")]
    [InlineData("  Æble & Co — ordre klar!  ", "aeble-co-ordre-klar")]
    [InlineData("Ärende 12", "arende-12")]
    public void NewFlowKey_IsMadeFromTheName(string name, string key) => Assert.Equal(key, NewFlow.KeyFrom(name));

    [Theory]
    [InlineData("order-ready")]
    [InlineData("deadline-reminders")]
    [InlineData("new-assignee")]
    [InlineData("booking-confirmation")]
    [InlineData("empty")]
    public void Starters_HaveNoLoopsAndEveryStepIsReachable(string starter)
    {
        var flow = FlowStarters.Create(starter, "x");

        Assert.Equal(flow.Steps.Count, new FlowGraph(flow).Reachable().Count);
        Assert.DoesNotContain(FlowShapeCheck.Warnings(flow), w => w.Message.Contains("never runs"));
    }

    private static string FlowDefinitionSteps(string json) => FlowJson.Serialize(FlowJson.Deserialize(json) with { Layout = null });
}
