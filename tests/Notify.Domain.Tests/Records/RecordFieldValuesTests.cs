using Notify.Domain.Records;

namespace Notify.Domain.Tests.Records;

public class RecordFieldValuesTests
{
    private static readonly RecordSnapshot Booking = new()
    {
        Type = "booking", Key = "B-1", Status = "confirmed", Title = "Service at Storgata 1",
        Deadline = new DateTime(2026, 10, 6, 7, 0, 0, DateTimeKind.Utc), Assignees = ["per"],
        Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
        DataJson = """{"booking_start":"2026-10-06T07:00","room":{"name":"Bay 2"},"note":"ring first"}""",
    };

    private static readonly string[] Used =
        ["record.deadline", "record.data.booking_start", "record.data.room.name", "record.contacts.customer", "record.assignees", "record.title", "record.status"];

    [Theory]
    [InlineData("deadline", "record.deadline")]
    [InlineData("booking", "record.data.booking_start")]
    [InlineData("room", "record.data.room.name")]
    [InlineData("customer", "record.contacts.customer")]
    [InlineData("assignees", "record.assignees")]
    [InlineData("title", "record.title")]
    [InlineData("status", "record.status")]
    public void Changed_NamesExactlyTheUsedFieldThatMoved(string change, string expected)
    {
        var whenSent = RecordFieldValues.Of(Booking, Used);
        var now = change switch
        {
            "deadline" => Booking with { Deadline = new DateTime(2026, 10, 9, 7, 0, 0, DateTimeKind.Utc) },
            "booking" => Booking with { DataJson = Booking.DataJson.Replace("2026-10-06T07:00", "2026-10-09T07:00") },
            "room" => Booking with { DataJson = Booking.DataJson.Replace("Bay 2", "Bay 3") },
            "customer" => Booking with { Contacts = new Dictionary<string, string> { ["customer"] = "kari" } },
            "assignees" => Booking with { Assignees = ["per", "anna"] },
            "title" => Booking with { Title = "Service at Storgata 3" },
            _ => Booking with { Status = "moved" },
        };

        Assert.Equal([expected], RecordFieldValues.Changed(whenSent, now));
    }

    [Fact]
    public void Changed_IsEmpty_WhenOnlyAFieldTheMessageDidNotUseMoved()
    {
        var whenSent = RecordFieldValues.Of(Booking, ["record.deadline", "record.data.booking_start"]);
        var now = Booking with { Title = "Another title", DataJson = Booking.DataJson.Replace("ring first", "knock"), Status = "arrived" };

        Assert.Empty(RecordFieldValues.Changed(whenSent, now));
    }

    [Fact]
    public void Of_KeepsOnlyTheRecordsOwnFields_AndReadsADateByItsWholeValue()
    {
        var values = RecordFieldValues.Of(Booking, ["record.key", "record.link", "recipient.first_name", "company.name", "record.deadline.day", "now"]);

        Assert.Equal(["record.deadline"], values.Keys);
        Assert.Equal("2026-10-06T07:00:00.0000000Z", values["record.deadline"]);
    }

    [Fact]
    public void AFieldThatAppears_CountsAsAChange()
    {
        var whenSent = RecordFieldValues.Of(Booking, ["record.data.gate"]);

        Assert.Equal(["record.data.gate"], RecordFieldValues.Changed(whenSent, Booking with { DataJson = """{"gate":"north"}""" }));
        Assert.Equal("gate", RecordFieldValues.Words("record.data.gate"));
    }
}
