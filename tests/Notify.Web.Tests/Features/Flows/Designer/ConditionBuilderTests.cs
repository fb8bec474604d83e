using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Notify.Web.Features.Flows.Designer;
using Notify.Web.Features.Flows.Designer.Conditions;
using Notify.Workflows.Conditions.Builder;
using Notify.Workflows.Definitions;
using FieldType = Notify.Workflows.Conditions.Builder.FieldType;

namespace Notify.Web.Tests.Features.Flows.Designer;

/// <summary>The condition builder as an admin uses it: pick a field, a comparison and a value; the flow gets the expression, and reads back as rows.</summary>
public class ConditionBuilderTests : DesignerComponentTests
{
    private readonly List<string> _written = [];
    private readonly FlowDesign _design = new() { RecordTypes = ["order"] };

    private IRenderedComponent<ConditionBuilder> Builder(string expression) => Render<ConditionBuilder>(p => p
        .Add(b => b.Expression, expression)
        .Add(b => b.Catalog, Catalog())
        .Add(b => b.Design, _design)
        .Add(b => b.TestId, "c")
        .Add(b => b.ExpressionChanged, (string e) => _written.Add(e)));

    /// <summary>One field of each type the builder offers, with a value of that type.</summary>
    public static TheoryData<string, string> FieldsAndOperators()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "record.status", "record.data.city", "record.data.amount", "record.deadline", "record.data.pickup_from", "record.done", "record.data.vip", "record.assignees", "now" })
        {
            var type = Fields().ById(field)!;
            foreach (var op in type.Operators) data.Add(field, op.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FieldsAndOperators))]
    public async Task EachOperatorOfEachFieldType_WritesItsExpression_AndReadsBackIntoTheSameRow(string fieldId, string operatorName)
    {
        var op = Enum.Parse<ConditionOperator>(operatorName);
        var field = Fields().ById(fieldId)!;
        var cut = Builder("");
        Render<MudPopoverProvider>();

        cut.Find("[data-testid=c-add-row]").Click();
        await PickAsync(Select<string>(cut, "c-0-field"), fieldId);
        await PickAsync(Select<ConditionOperator>(cut, "c-0-op"), op);
        var expected = new ConditionRow { Field = fieldId, Operator = op };
        switch (ConditionOperators.Operand(op))
        {
            case OperandKind.Value when field.Type == FieldType.Date:
                var picker = cut.FindComponent<MudDatePicker>();
                await cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 24)));
                expected.Value = "2026-12-24";
                break;
            case OperandKind.Value or OperandKind.Values:
                expected.Value = field.Type == FieldType.Number ? "1500" : op is ConditionOperator.IsOneOf or ConditionOperator.IsNotOneOf ? "ready, done" : "Oslo";
                cut.Find("input[data-testid=c-0-value]").Input(expected.Value);
                break;
            case OperandKind.Duration:
                cut.Find("input[data-testid=c-0-amount]").Change("3");
                await PickAsync(Select<TimeUnit>(cut, "c-0-unit"), TimeUnit.WorkingDays);
                (expected.Amount, expected.Unit) = (3, TimeUnit.WorkingDays);
                break;
        }

        var writer = new ConditionWriter(Fields());
        var expression = writer.Write(new ConditionGroup { Parts = [expected] });
        cut.WaitForAssertion(() => Assert.Equal(expression, _written.LastOrDefault()), Patience);
        Assert.NotEqual("", expression);
        cut.WaitForAssertion(() => Assert.Equal(expression, cut.Find("[data-testid=c-written]").TextContent), Patience); // drawn once the edit has gone up

        // Opened again from the stored expression: the same row, as the admin left it.
        var again = Builder(expression);
        Assert.Equal(fieldId, Select<string>(again, "c-0-field").Instance.GetState(x => x.Value));
        Assert.Equal(op, Select<ConditionOperator>(again, "c-0-op").Instance.GetState(x => x.Value));
        Assert.Empty(again.FindAll("[data-testid=c-advanced] input:checked"));
        if (ConditionOperators.Operand(op) is OperandKind.Value or OperandKind.Values && field.Type != FieldType.Date)
            Assert.Equal(expected.Value, again.Find("input[data-testid=c-0-value]").GetAttribute("value"));
        if (ConditionOperators.Operand(op) == OperandKind.Duration)
            Assert.Equal("3", again.Find("input[data-testid=c-0-amount]").GetAttribute("value"));
    }

    [Fact]
    public async Task ANumberFieldGivenWords_SaysSoUnderTheValue_AndWritesNothingYet()
    {
        var cut = Builder("");
        cut.Find("[data-testid=c-add-row]").Click();
        await PickAsync(Select<string>(cut, "c-0-field"), "record.data.amount");
        await PickAsync(Select<ConditionOperator>(cut, "c-0-op"), ConditionOperator.GreaterThan);

        cut.Find("input[data-testid=c-0-value]").Input("a lot");

        cut.WaitForAssertion(() => Assert.Contains("amount is a number; compare it with a number.", cut.Markup), Patience);
        Assert.Equal("", _written.Last());
    }

    [Fact]
    public async Task TwoRowsAndAGroup_JoinAsChosen()
    {
        var cut = Builder("record.Status == \"ready\"");
        cut.Find("[data-testid=c-add-group]").Click();
        await PickAsync(Select<string>(cut, "c-1-0-field"), "record.data.vip");
        await PickAsync(Select<ConditionOperator>(cut, "c-1-0-op"), ConditionOperator.IsYes);
        cut.Find("[data-testid=c-1-add-row]").Click();
        await PickAsync(Select<string>(cut, "c-1-1-field"), "record.done");

        Assert.Equal("record.Status == \"ready\" && (record.Flag(\"vip\") || record.IsDone)", _written.Last());

        await PickAsync(Select<bool>(cut, "c-join"), false);
        Assert.Equal("record.Status == \"ready\" || (record.Flag(\"vip\") || record.IsDone)", _written.Last());
        await PickAsync(Select<bool>(cut, "c-1-join"), true);
        Assert.Equal("record.Status == \"ready\" || (record.Flag(\"vip\") && record.IsDone)", _written.Last());

        cut.Find("[data-testid=c-1-remove]").Click();
        cut.WaitForAssertion(() => Assert.Equal("record.Status == \"ready\"", _written.Last()), Patience);
    }

    [Fact]
    public void AHandWrittenExpression_OpensBehindTheSwitch_AsTyped()
    {
        var cut = Builder("record.Data[\"amount\"] != null");

        Assert.Single(cut.FindAll("input[data-testid=c-advanced]:checked"));
        Assert.Equal("record.Data[\"amount\"] != null", cut.Find("input[data-testid=c-expression]").GetAttribute("value"));

        cut.Find("input[data-testid=c-advanced]").Change(false);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=c-not-rows]")), Patience);
        Assert.Empty(_written);
    }

    [Fact]
    public async Task TheFieldsOffered_AreThoseOfTheFlowsRecordTypes_WithTheirKinds()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Builder("");
        cut.Find("[data-testid=c-add-row]").Click();

        await Select<string>(cut, "c-0-field").InvokeAsync(() => Select<string>(cut, "c-0-field").Instance.OpenMenu());

        popovers.WaitForAssertion(() => Assert.Contains("Record data: amount (number)", popovers.Markup), Patience);
        Assert.Contains("Record data: pickup from (date)", popovers.Markup);
        Assert.Contains("Record data: vip (yes/no)", popovers.Markup);
        Assert.Contains("Deadline", popovers.Markup);
        Assert.DoesNotContain("hours", popovers.Markup); // a task's field, and this flow is about orders
    }

    private static ConditionFields Fields() => Catalog().ConditionFieldsFor(new FlowDesign { RecordTypes = ["order"] });
}
