using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Steps.Branch;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Delay;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Tests.Features.Flows.Designer;

/// <summary>The side panel's editors, one per node kind: each edit reaches the flow, and each problem shows where the admin looks.</summary>
public class NodePanelTests : DesignerComponentTests
{
    private readonly FlowDesign _design = FlowDesign.From(DemoFlows.OrderReady);
    private readonly FieldErrors _errors = new();
    private int _changes;

    private IRenderedComponent<NodePanel> Panel(string selected) => Render<NodePanel>(p => p
        .Add(n => n.Design, _design)
        .Add(n => n.Catalog, Catalog())
        .Add(n => n.Errors, _errors)
        .Add(n => n.Problems, Problems())
        .Add(n => n.Selected, selected)
        .Add(n => n.Changed, () => _changes++));

    private NodeProblems Problems() => NodeProblems.Of(_design, Catalog(), new FlowValidator(new RulesEngineConditionEvaluator()));

    private T Step<T>(string id) where T : StepDefinition => (T)_design.Steps.Single(s => s.Id == id).Definition;

    [Fact]
    public void Nothing_Selected_SaysHowToChooseANode()
    {
        var cut = Panel(null!);

        Assert.Contains("Click a node on the canvas, or a line of the outline, to edit it here.", cut.Markup);
    }

    [Fact]
    public void Send_TickingInApp_AddsTheChannel_AndTheNodeIsWarnedTheTemplateHasNoInAppText()
    {
        var cut = Panel("tell-customer");

        cut.Find("input[data-testid=step-1-channel-inApp]").Change(true);

        Assert.Equal(["email", "sms", "inApp"], Step<SendStepDefinition>("tell-customer").Channels);
        Assert.Equal(1, _changes);
        cut.Render(p => p.Add(n => n.Problems, Problems()));
        Assert.Contains("'Order ready' has no", cut.Find("[data-testid=node-panel-warning]").TextContent);
    }

    [Fact]
    public async Task Send_AnotherTemplateAndRecipient_AreSaidInTheStep()
    {
        var cut = Panel("tell-customer");

        await PickAsync(Select<string>(cut, "step-1-template"), "sms-only");
        cut.Find("input[data-testid=step-1-to-manager]").Change(true);

        var send = Step<SendStepDefinition>("tell-customer");
        Assert.Equal("sms-only", send.Template);
        Assert.Equal(["customer", "manager"], send.Recipients);
    }

    [Fact]
    public void Condition_OpensAsARow_AndAChangedValueRewritesTheExpression()
    {
        var cut = Panel("still-ready");
        Assert.Equal("record.status", Select<string>(cut, "step-0-condition-0-field").Instance.GetState(x => x.Value));
        var value = cut.Find("input[data-testid=step-0-condition-0-value]");
        Assert.Equal("ready", value.GetAttribute("value"));

        value.Input("collected");

        cut.WaitForAssertion(() => Assert.Equal("record.Status == \"collected\"", Step<ConditionStepDefinition>("still-ready").Expression), Patience);
    }

    [Fact]
    public void Condition_LeftWithoutRows_IsAnErrorOnTheNode_InPlainWords()
    {
        var cut = Panel("still-ready");

        cut.Find("[data-testid=step-0-condition-0-remove]").Click();
        cut.Render(p => p.Add(n => n.Problems, Problems()));

        Assert.Equal("", Step<ConditionStepDefinition>("still-ready").Expression);
        Assert.Contains("The condition is not finished", cut.Find("[data-testid=node-panel-error]").TextContent);
    }

    [Fact]
    public async Task Branch_YesAndNo_GoWhereTheAdminPoints()
    {
        var branch = _design.Add("branch", new NodePosition(0, 600));
        var index = _design.Steps.IndexOf(branch);
        var cut = Panel(branch.Id);

        await PickAsync(Select<string>(cut, $"step-{index}-then"), "tell-customer");
        await PickAsync(Select<string>(cut, $"step-{index}-else"), StepDefinition.End);

        var saved = Step<BranchStepDefinition>(branch.Id);
        Assert.Equal(("tell-customer", StepDefinition.End), (saved.Then, saved.Else));
    }

    [Fact]
    public void Wait_HowLong_IsTheDelaysAmount()
    {
        var wait = _design.Add("delay", new NodePosition(0, 600));
        var index = _design.Steps.IndexOf(wait);
        var cut = Panel(wait.Id);

        cut.Find($"input[data-testid=step-{index}-amount]").Change("3");

        Assert.Equal(3, Step<DelayStepDefinition>(wait.Id).Amount);
    }

    [Fact]
    public void Trigger_ARecordTypeTicked_IsInTheFlowsTrigger_AndItsSentenceSaysSo()
    {
        var cut = Panel(FlowGraph.Trigger);

        cut.Find("input[data-testid=trigger-type-task]").Change(true);

        Assert.Equal(["order", "task"], _design.ToDefinition().Trigger.RecordTypes);
        Assert.Contains("task", cut.Find("[data-testid=trigger-summary]").TextContent);
    }

    [Fact]
    public void AnErrorFromSaving_ShowsUnderItsField()
    {
        _errors.Set(new ValidationException("steps[1].id", "Two steps have the id 'tell-customer'."));

        var cut = Panel("tell-customer");

        Assert.Contains("Two steps have the id 'tell-customer'.", cut.Markup);
    }
}
