using Bunit;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Tests.Features.Flows.Designer;

/// <summary>A send step's recipients picked, not typed: roles on linked records, contacts' own roles and groups; and a recipient nobody matches is a warning.</summary>
public sealed class RecipientPickerTests : DesignerComponentTests
{
    private readonly FlowDesign _design = FlowDesign.From(DemoFlows.OrderReady);

    private static DesignerCatalog WithPeople() => Catalog() with
    {
        People = new DesignerPeople(
            OwnRoles: ["technician"], Groups: ["field"], LinkRoles: ["link:customer/notification-recipient"],
            ContactKeys: new HashSet<string> { "ola", "kari" }, RecordRoles: new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "customer", "manager" }),
    };

    private IRenderedComponent<NodePanel> Panel() => Render<NodePanel>(p => p
        .Add(n => n.Design, _design)
        .Add(n => n.Catalog, WithPeople())
        .Add(n => n.Errors, new FieldErrors())
        .Add(n => n.Problems, NodeProblems.Of(_design, WithPeople(), new FlowValidator(new RulesEngineConditionEvaluator())))
        .Add(n => n.Selected, "tell-customer"));

    private List<string> Recipients => ((SendStepDefinition)_design.Steps.Single(s => s.Id == "tell-customer").Definition).Recipients.ToList();

    [Fact]
    public void TickingALinkedRole_AGroupAndAnOwnRole_AddsThemAsRecipients()
    {
        var cut = Panel();

        cut.Find("input[data-testid='step-1-to-link:customer/notification-recipient']").Change(true);
        cut.Find("input[data-testid='step-1-to-group:field']").Change(true);
        cut.Find("input[data-testid='step-1-to-role:technician']").Change(true);

        Assert.Equal(["customer", "link:customer/notification-recipient", "group:field", "role:technician"], Recipients);
        Assert.Contains("notification-recipient of the customer", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=step-1-nobody]"));
    }

    [Theory]
    [InlineData("contact:nobody", "there is no contact 'nobody'")]
    [InlineData("role:plumber", "no contact has the role 'plumber'")]
    [InlineData("link:contract/signer", "no linked record seen has this")]
    public void ARecipientNobodyMatches_IsAWarningNextToTheField_AndOnTheNode(string typed, string warning)
    {
        var cut = Panel();

        cut.Find("input[data-testid=step-1-other]").Change(typed);

        Assert.Contains(typed, Recipients);
        Assert.Contains(warning, cut.Find("[data-testid=step-1-nobody]").TextContent, StringComparison.Ordinal);
        var problems = NodeProblems.Of(_design, WithPeople(), new FlowValidator(new RulesEngineConditionEvaluator()));
        Assert.Contains(problems.Warnings("tell-customer"), w => w.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void EditingATypedRecipient_LeavesNoHalfTypedOneBehind()
    {
        var cut = Panel();

        cut.Find("input[data-testid=step-1-other]").Change("role:tech");
        cut.Find("input[data-testid=step-1-other]").Change("role:technician");

        Assert.Equal(["customer", "role:technician"], Recipients);
    }
}
