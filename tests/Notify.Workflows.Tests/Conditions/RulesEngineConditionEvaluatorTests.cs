using Notify.Workflows.Conditions;

namespace Notify.Workflows.Tests.Conditions;

public class RulesEngineConditionEvaluatorTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private readonly RulesEngineConditionEvaluator _evaluator = new();

    private static ConditionInput Input(string status, Dictionary<string, object>? data = null) => new(
        new ConditionEvent { Type = "record.status_changed", ToStatus = status },
        new ConditionRecord { Type = "order", Key = "AO1", Status = status, Data = data ?? [], Deadline = Now.AddHours(3), HasDeadline = true },
        new ConditionRecord { Type = "order", Key = "AO1", Status = "new" },
        Now);

    [Theory]
    [InlineData("record.Status == \"ready\"", "ready", true)]
    [InlineData("record.Status == \"ready\"", "new", false)]
    [InlineData("previous.Status == \"new\" && event.ToStatus == \"ready\"", "ready", true)]
    [InlineData("record.Deadline > now.AddHours(2)", "ready", true)]
    [InlineData("record.status == \"ready\"", "ready", true)]
    public void Evaluate_SimpleExpressions(string expression, string status, bool expected)
    {
        var result = _evaluator.Evaluate(expression, Input(status));

        Assert.False(result.IsError, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Evaluate_DataField_CanBeCompared()
    {
        var result = _evaluator.Evaluate("Convert.ToDecimal(record.Data[\"amount\"]) > 100", Input("ready", new() { ["amount"] = 150m }));

        Assert.False(result.IsError, result.Error);
        Assert.True(result.Value);
    }

    [Fact]
    public void Evaluate_ExpressionThatThrows_IsAnErrorNotFalse()
    {
        const string expression = "Convert.ToDecimal(record.Data[\"missing\"]) > 1";
        Assert.Null(_evaluator.Validate(expression));

        var result = _evaluator.Evaluate(expression, Input("ready"));

        Assert.True(result.IsError);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Validate_SyntaxError_GivesThePosition()
    {
        var error = _evaluator.Validate("record.Status == ");

        Assert.NotNull(error);
        Assert.StartsWith("position", error);
    }

    [Fact]
    public void Validate_UnknownMember_IsRefused()
    {
        Assert.NotNull(_evaluator.Validate("record.Colour == \"red\""));
    }

    [Fact]
    public void Validate_NonBooleanExpression_IsRefused()
    {
        Assert.NotNull(_evaluator.Validate("record.Status"));
    }

    [Fact]
    public void Validate_GoodExpression_IsNull()
    {
        Assert.Null(_evaluator.Validate("!record.IsDone && record.Assignees.Count > 0"));
    }

    [Theory]
    [InlineData("record.Number(\"amount\") > 1000", true)]
    [InlineData("record.Number(\"amount\") > 2000", false)]
    [InlineData("record.Number(\"text_amount\") == 1500.5", true)]
    [InlineData("record.Number(\"missing\") == 0", true)]
    [InlineData("record.Date(\"starts\") > now", true)]
    [InlineData("record.Date(\"starts\") < now.AddDays(2)", true)]
    [InlineData("record.Date(\"missing\") < now", true)]
    [InlineData("record.Text(\"city\") == \"Tromsø\"", true)]
    [InlineData("record.Flag(\"vip\")", true)]
    [InlineData("record.Has(\"city\") && !record.Has(\"missing\")", true)]
    [InlineData("event.Number(\"amount\") == 0", true)]
    public void Evaluate_TypedDataReaders_CompareByType(string expression, bool expected)
    {
        var data = new Dictionary<string, object>
        {
            ["amount"] = 1500m, ["text_amount"] = "1500.5", ["starts"] = "2026-11-21T08:00:00+01:00", ["city"] = "Tromsø", ["vip"] = true,
        };
        Assert.Null(_evaluator.Validate(expression));

        var result = _evaluator.Evaluate(expression, Input("ready", data));

        Assert.False(result.IsError, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("record.Data[\"amount\"] > 1000", "record.Number(\"field\")")]
    [InlineData("record.Status > 3", "text cannot be compared with greater or less than")]
    [InlineData("record.Colour == \"red\"", "'Colour' is not something a record has")]
    [InlineData("record.Status", "must be a yes/no test")]
    public void Validate_CommonMistakes_AreSaidInPlainWords(string expression, string expected)
    {
        var error = _evaluator.Validate(expression);

        Assert.NotNull(error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("System.", error);
    }
}
