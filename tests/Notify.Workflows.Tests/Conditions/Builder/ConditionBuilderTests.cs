using Notify.Workflows.Conditions;
using Notify.Workflows.Conditions.Builder;

namespace Notify.Workflows.Tests.Conditions.Builder;

public class ConditionBuilderTests
{
    private readonly RulesEngineConditionEvaluator _evaluator = new();

    private static ConditionWriter Writer() => new(ConditionRowCases.Fields());

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, ConditionRowCases.All.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_EachOperatorOfEachType_WritesAnExpressionThatJudgesLikeTheRowSays(int index)
    {
        var c = ConditionRowCases.All[index];
        var writer = Writer();

        var expression = writer.Write(new ConditionGroup { Parts = [c.Row()] });

        Assert.Equal(c.Expression.Contains(" && ", StringComparison.Ordinal) ? $"({c.Expression})" : c.Expression, expression);
        Assert.Null(_evaluator.Validate(expression));
        Assert.True(Judge(expression, c.Holds), $"{c}: expected true");
        Assert.False(Judge(expression, c.Fails), $"{c}: expected false");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_WhatEachOperatorWrote_GivesTheSameRowBack(int index)
    {
        var c = ConditionRowCases.All[index];
        var writer = Writer();
        var expression = writer.Write(new ConditionGroup { Parts = [c.Row()] });

        var read = new ConditionReader(writer).Read(expression);

        var row = Assert.IsType<ConditionRow>(Assert.Single(Assert.IsType<ConditionGroup>(read).Parts));
        Assert.Equal((c.Field, c.Op), (row.Field, row.Operator));
        Assert.Equal(writer.Row(c.Row()), writer.Row(row));
        if (ConditionOperators.Operand(c.Op) == OperandKind.Duration) Assert.Equal((c.Amount, c.Unit), (row.Amount, row.Unit));
    }

    [Fact]
    public void WriteAndRead_GroupsOfAllAndAny_KeepTheirShape()
    {
        var writer = Writer();
        var group = new ConditionGroup
        {
            MatchAll = true,
            Parts =
            [
                new ConditionRow { Field = "record.data.amount", Operator = ConditionOperator.GreaterThan, Value = "1000" },
                new ConditionGroup
                {
                    MatchAll = false,
                    Parts =
                    [
                        new ConditionRow { Field = "record.status", Operator = ConditionOperator.Is, Value = "ready" },
                        new ConditionRow { Field = "record.data.vip", Operator = ConditionOperator.IsYes },
                    ],
                },
            ],
        };

        var expression = writer.Write(group);
        var read = new ConditionReader(writer).Read(expression);

        Assert.Equal("(record.Has(\"amount\") && record.Number(\"amount\") > 1000) && (record.Status == \"ready\" || record.Flag(\"vip\"))", expression);
        Assert.NotNull(read);
        Assert.True(read.MatchAll);
        Assert.False(Assert.IsType<ConditionGroup>(read.Parts[1]).MatchAll);
        Assert.Equal(expression, writer.Write(read));
        Assert.True(Judge(expression, s => { s.Data["amount"] = 1200m; s.Data["vip"] = true; }));
        Assert.False(Judge(expression, s => { s.Data["amount"] = 1200m; s.Status = "new"; }));
    }

    [Fact]
    public void Write_AnyOf_PutsRowsOfSeveralTestsInParentheses()
    {
        var writer = Writer();
        var group = new ConditionGroup
        {
            MatchAll = false,
            Parts =
            [
                new ConditionRow { Field = "record.deadline", Operator = ConditionOperator.InThePast },
                new ConditionRow { Field = "record.done", Operator = ConditionOperator.IsYes },
            ],
        };

        var expression = writer.Write(group);

        Assert.Equal("(record.HasDeadline && record.Deadline < now) || record.IsDone", expression);
        Assert.True(Judge(expression, s => s.IsDone = true));
        Assert.False(Judge(expression, s => s.Deadline = ConditionSample.Friday.AddHours(1)));
    }

    [Theory]
    [InlineData("!record.IsDone")]
    [InlineData("record.Status == \"ready\"")]
    [InlineData("record.Title == \"Say \\\"hi\\\" to C:\\\\temp\"")]
    [InlineData("record.Number(\"weight\") != 3")]
    [InlineData("(record.Has(\"weight\") && record.Number(\"weight\") > 2) || event.Type == \"booking.moved\"")]
    public void Read_ExpressionsTheBuilderWouldWrite_AreRows(string expression)
    {
        var writer = Writer();

        var read = new ConditionReader(writer).Read(expression);

        Assert.NotNull(read);
        Assert.Equal(expression, writer.Write(read));
    }

    [Fact]
    public void Read_ADataFieldNoStoredRecordShowed_IsOfferedWithTheTypeItsReaderNames()
    {
        var writer = Writer();

        var read = new ConditionReader(writer).Read("(record.Has(\"weight\") && record.Number(\"weight\") > 2)");

        Assert.NotNull(read);
        var field = writer.Fields.ById("record.data.weight");
        Assert.Equal(FieldType.Number, field?.Type);
    }

    [Theory]
    [InlineData("record.Status==\"ready\"")]
    [InlineData("record.Data[\"amount\"] > 1000")]
    [InlineData("record.Status == \"ready\" && record.IsDone || record.HasDeadline")]
    [InlineData("record.Number(\"amount\") > 1000")]
    [InlineData("record.Deadline < now")]
    [InlineData("(record.Status == \"ready\"")]
    [InlineData("record.Status == \"ready\" and record.IsDone")]
    [InlineData("now > record.Deadline")]
    public void Read_AnythingElse_StaysAnExpression(string expression)
    {
        Assert.Null(new ConditionReader(Writer()).Read(expression));
    }

    [Fact]
    public void Read_Empty_IsAnEmptyGroup()
    {
        var read = new ConditionReader(Writer()).Read("  ");

        Assert.NotNull(read);
        Assert.Empty(read.Parts);
    }

    [Theory]
    [InlineData("record.data.amount", ConditionOperator.GreaterThan, "a lot", "value", "amount is a number; compare it with a number.")]
    [InlineData("record.data.amount", ConditionOperator.GreaterThan, "", "value", "Enter the number to compare amount with.")]
    [InlineData("record.deadline", ConditionOperator.Before, "soon", "value", "Deadline is a date; pick a day.")]
    [InlineData("record.status", ConditionOperator.IsOneOf, " , ", "value", "Enter one or more values, separated by commas.")]
    [InlineData("record.status", ConditionOperator.GreaterThan, "1", "operator", "Pick how to compare Status.")]
    [InlineData("", ConditionOperator.Is, "1", "field", "Pick what to test.")]
    public void Check_AnIncompleteRow_SaysWhatIsMissingInPlainWords(string field, ConditionOperator op, string value, string input, string message)
    {
        var writer = Writer();
        var row = new ConditionRow { Field = field, Operator = op, Value = value };

        Assert.Equal(new RowProblem(input, message), writer.Check(row));
        Assert.Equal("", writer.Write(new ConditionGroup { Parts = [row] }));
    }

    [Fact]
    public void Check_ADurationOutOfRange_IsNamedAtTheAmount()
    {
        var row = new ConditionRow { Field = "record.deadline", Operator = ConditionOperator.WithinTheNext, Amount = 0 };

        Assert.Equal("amount", Writer().Check(row)?.Input);
    }

    [Theory]
    [InlineData("!record.IsDone", "it is not done")]
    [InlineData("record.Status == \"ready\"", "status is \"ready\"")]
    [InlineData("(record.Has(\"amount\") && record.Number(\"amount\") > 1000) && (record.HasDeadline && record.Deadline > record.AddWorkingDays(now, 2))",
        "amount is more than 1000 and deadline is more than 2 working days away")]
    [InlineData("event.ToStatus in (\"ready\", \"done\") || (now < record.Day(2026, 12, 24) || record.Flag(\"vip\"))",
        "changed to status is ready or done or (now is before 24 Dec 2026 or vip is yes)")]
    [InlineData("record.Data[\"amount\"] > 1", "record.Data[\"amount\"] > 1")]
    public void Sentence_SaysABuiltConditionInWords_AndAnyOtherAsWritten(string expression, string words)
    {
        Assert.Equal(words, ConditionSentence.Of(expression));
    }

    private bool Judge(string expression, Action<ConditionSample> setup)
    {
        var sample = new ConditionSample();
        setup(sample);
        var result = _evaluator.Evaluate(expression, sample.ToInput());
        Assert.False(result.IsError, result.Error);
        return result.Value;
    }
}
