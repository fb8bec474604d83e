using Notify.Domain.Common;
using Notify.Web.Features.Flows.DryRun;

namespace Notify.Web.Tests.Features.Flows;

public class EventDataRowTests
{
    [Theory]
    [InlineData("number", "12.5", "12.5")]
    [InlineData("number", "12,5", "12.5")]
    [InlineData("number", " 7 ", "7")]
    [InlineData("yes/no", "yes", "true")]
    [InlineData("yes/no", "no", "false")]
    [InlineData("date", "2026-12-24 14:30", "\"2026-12-24T14:30:00\"")]
    [InlineData("text", "  Storgata 1 ", "\"Storgata 1\"")]
    [InlineData("text", "12", "\"12\"")]
    public void TryConvert_AValueOfItsKind_BecomesThatJson(string kind, string value, string json)
    {
        var row = new EventDataRow { Key = "x", Kind = kind, Value = value };

        Assert.Null(row.TryConvert(out var converted));
        Assert.Equal(json, converted.GetRawText());
    }

    [Theory]
    [InlineData("number", "three", "is not a number; write it like 12 or 12.5")]
    [InlineData("number", "1,000.5", "is not a number; write it like 12 or 12.5")]
    [InlineData("date", "next friday", "is not a date; write it like 2026-12-24 or 2026-12-24 14:30")]
    public void Problem_AValueNotOfItsKind_SaysSoInWords(string kind, string value, string problem) =>
        Assert.Equal(problem, new EventDataRow { Key = "x", Kind = kind, Value = value }.Problem);

    [Fact]
    public void ToData_LeavesOutBlankRows_AndIsNullWhileAValueIsWrong()
    {
        List<EventDataRow> rows =
        [
            new() { Key = "count", Kind = JsonValueKinds.Number, Value = "3" },
            new() { Key = "note", Kind = JsonValueKinds.Text, Value = "" },
            new() { Key = "", Kind = JsonValueKinds.Text, Value = "orphan" },
        ];

        var data = EventDataRow.ToData(rows);
        rows.Add(new() { Key = "when", Kind = JsonValueKinds.Date, Value = "soon" });

        Assert.Equal(["count"], data!.Keys);
        Assert.Equal(3m, data["count"].GetDecimal());
        Assert.Null(EventDataRow.ToData(rows));
    }
}
