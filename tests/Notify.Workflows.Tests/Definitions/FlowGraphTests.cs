using Notify.Domain.Records;
using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;
using Notify.Workflows.Steps.Stop;

namespace Notify.Workflows.Tests.Definitions;

public class FlowGraphTests
{
    private static SendStepDefinition Send(string id, string? next = null) =>
        new() { Id = id, Channels = ["sms"], Template = "t", Recipients = ["customer"], Next = next };

    private static FlowDefinition Of(params StepDefinitionList[] steps) => new()
    {
        Name = "f",
        Trigger = new TriggerDefinition { Event = EventTypes.Created },
        Steps = steps.Select(s => s.Step).ToList(),
    };

    public sealed record StepDefinitionList(StepDefinition Step)
    {
        public static implicit operator StepDefinitionList(StepDefinition step) => new(step);
    }

    [Fact]
    public void Edges_ImplicitNextAndExplicitEnd_AreTellApart()
    {
        var graph = new FlowGraph(Of(Send("a"), Send("b", next: StepDefinition.End), Send("c")));

        Assert.Equal(new FlowEdge(FlowGraph.Trigger, "next", "then", "a", false), graph.Edges[0]);
        Assert.Equal(new FlowEdge("a", "next", "then", "b", true), graph.Edges[1]);
        Assert.Equal(new FlowEdge("b", "next", "then", null, false), graph.Edges[2]);
        Assert.Equal(new FlowEdge("c", "next", "then", null, false), graph.Edges[3]);
        Assert.Equal(["a", "b"], graph.Reachable());
    }

    [Fact]
    public void NextOf_EndToken_EndsTheRun_AndNullGoesOnToTheNextStep()
    {
        var flow = Of(Send("a"), Send("b", next: StepDefinition.End), Send("c"));

        Assert.Equal("b", flow.NextOf(0));
        Assert.Null(flow.NextOf(1));
        Assert.Null(flow.NextOf(2));
    }

    [Fact]
    public void Warnings_UnreachableStepAndOpenBranchPath_AreSaidOnTheirNodes()
    {
        var flow = Of(
            new BranchStepDefinition { Id = "vip", Expression = "true", Then = "mail" },
            Send("mail", next: StepDefinition.End),
            Send("orphan"));

        var warnings = FlowShapeCheck.Warnings(flow);

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Node == "vip" && w.Message.Contains("'no' path is not connected"));
        Assert.Contains(warnings, w => w.Node == "orphan" && w.Message.Contains("never runs"));
    }

    [Fact]
    public void Warnings_WellConnectedFlow_HasNone()
    {
        var flow = Of(
            new BranchStepDefinition { Id = "vip", Expression = "true", Then = "mail", Else = "stop" },
            Send("mail", next: StepDefinition.End),
            new StopStepDefinition { Id = "stop" });

        Assert.Empty(FlowShapeCheck.Warnings(flow));
    }

    [Fact]
    public void Validate_LoopWithoutWait_IsAnError_AndWithAWaitIsFine()
    {
        var validator = new FlowValidator(new RulesEngineConditionEvaluator());
        var templates = new HashSet<string> { "t" };
        var tight = Of(Send("a"), new ConditionStepDefinition { Id = "again", Expression = "!record.IsDone", Next = "a" });
        var patient = Of(Send("a"), new DelayStepDefinition { Id = "wait", Amount = 1, Unit = TimeUnit.Days },
            new ConditionStepDefinition { Id = "again", Expression = "!record.IsDone", Next = "a" });

        var error = Assert.Single(validator.Validate(tight, templates));
        Assert.Equal("steps[0].next", error.Field);
        Assert.Contains("'a' → 'again'", error.Message);
        Assert.Empty(validator.Validate(patient, templates));
    }

    [Fact]
    public void Validate_BadLayout_NamesTheField()
    {
        var validator = new FlowValidator(new RulesEngineConditionEvaluator());
        var flow = Of(Send("a")) with
        {
            Layout = new Dictionary<string, NodePosition>
            {
                [FlowGraph.Trigger] = new(0, 0), ["a"] = new(double.NaN, 3), ["ghost"] = new(1, 1),
            },
        };

        var errors = validator.Validate(flow, new HashSet<string> { "t" });

        Assert.Equal(["layout.a", "layout.ghost"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void AutoLayout_TopToBottom_BranchPathsSideBySide_OrphansAside()
    {
        var flow = Of(
            new BranchStepDefinition { Id = "vip", Expression = "true", Then = "mail", Else = "sms" },
            Send("mail", next: "done"),
            Send("sms", next: "done"),
            new StopStepDefinition { Id = "done" },
            Send("orphan"));

        var at = FlowLayout.Auto(flow);

        Assert.True(at[FlowGraph.Trigger].Y < at["vip"].Y);
        Assert.True(at["vip"].Y < at["mail"].Y);
        Assert.Equal(at["mail"].Y, at["sms"].Y);
        Assert.True(at["mail"].X < at["sms"].X, "the yes path is drawn left of the no path");
        Assert.True(at["done"].Y > at["mail"].Y);
        Assert.Equal(at["vip"].X, at[FlowGraph.Trigger].X);
        Assert.True(at["orphan"].X > at["sms"].X);
        Assert.Equal(6, at.Values.Distinct().Count());
    }

    [Fact]
    public void CompleteLayout_KeepsSavedPositions_AndPlacesTheRest()
    {
        var flow = Of(Send("a"), Send("b")) with { Layout = new Dictionary<string, NodePosition> { ["a"] = new(500, 40) } };

        var at = FlowLayout.Complete(flow);

        Assert.Equal(new NodePosition(500, 40), at["a"]);
        Assert.Equal(FlowLayout.Auto(flow)["b"], at["b"]);
        Assert.Equal(3, at.Count);
    }

    [Fact]
    public void Json_Layout_RoundTrips_AndFlowsWithoutOneStayWithout()
    {
        var flow = Of(Send("a", next: StepDefinition.End)) with { Layout = new Dictionary<string, NodePosition> { ["trigger"] = new(10, 20) } };

        var json = FlowJson.Serialize(flow);
        var back = FlowJson.Deserialize(json);

        Assert.Contains("\"layout\"", json);
        Assert.Equal(new NodePosition(10, 20), back.Layout!["trigger"]);
        Assert.Equal(StepDefinition.End, back.Steps[0].Next);
        Assert.DoesNotContain("layout", FlowJson.Serialize(Of(Send("a"))));
    }
}
