using Notify.Domain.Records;

namespace Notify.Domain.Tests.Records;

public sealed class RecordDiffTests
{
    private static readonly RecordSnapshot Booking = new()
    {
        Type = "booking", Key = "B1", Status = "confirmed", Title = "Tyre change", Deadline = new DateTime(2026, 10, 6, 7, 0, 0, DateTimeKind.Utc),
        Assignees = ["per", "anna"], Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
        DataJson = """{"booking_start":"2026-10-06T09:00","place":{"city":"Oslo"},"seats":2}""",
    };

    [Fact]
    public void Fields_SameState_IsEmpty() => Assert.Empty(RecordDiff.Fields(Booking, Booking with { }));

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Fields_NamesExactlyTheFieldThatChanged(string expected, RecordSnapshot after) =>
        Assert.Equal([expected], RecordDiff.Fields(Booking, after));

    public static TheoryData<string, RecordSnapshot> OneFieldChanged() => new()
    {
        { "status", Booking with { Status = "cancelled" } },
        { "title", Booking with { Title = "Tyre change and wash" } },
        { "deadline", Booking with { Deadline = Booking.Deadline!.Value.AddDays(3) } },
        { "deadline", Booking with { Deadline = null } },
        { "assignees", Booking with { Assignees = ["per"] } },
        { "contacts", Booking with { Contacts = new Dictionary<string, string> { ["customer"] = "kari" } } },
        { "contacts", Booking with { Contacts = new Dictionary<string, string> { ["customer"] = "ola", ["payer"] = "kari" } } },
        { "data.booking_start", Booking with { DataJson = """{"booking_start":"2026-10-09T09:00","place":{"city":"Oslo"},"seats":2}""" } },
        { "data.place", Booking with { DataJson = """{"booking_start":"2026-10-06T09:00","place":{"city":"Bergen"},"seats":2}""" } },
        { "data.seats", Booking with { DataJson = """{"booking_start":"2026-10-06T09:00","place":{"city":"Oslo"}}""" } },
        { "data.note", Booking with { DataJson = """{"booking_start":"2026-10-06T09:00","place":{"city":"Oslo"},"seats":2,"note":"gate 3"}""" } },
    };

    [Fact]
    public void Fields_AssigneesInAnotherOrder_OrDataKeysInAnotherOrder_AreNoChange()
    {
        var after = Booking with
        {
            Assignees = ["anna", "per"], DataJson = """{"seats":2,"place":{"city":"Oslo"},"booking_start":"2026-10-06T09:00"}""",
        };

        Assert.Empty(RecordDiff.Fields(Booking, after));
    }

    [Fact]
    public void Fields_SeveralChanges_AreAllNamed()
    {
        var after = Booking with { Status = "moved", DataJson = """{"booking_start":"2026-10-09T09:00","place":{"city":"Oslo"},"seats":2}""" };

        Assert.Equal(["status", "data.booking_start"], RecordDiff.Fields(Booking, after));
    }

    [Theory]
    [InlineData(new string[0], new[] { "title" }, true)]
    [InlineData(new[] { "data.booking_start" }, new[] { "title" }, false)]
    [InlineData(new[] { "data.booking_start", "deadline" }, new[] { "deadline", "title" }, true)]
    [InlineData(new[] { "Status" }, new[] { "status" }, true)]
    [InlineData(new string[0], new string[0], false)]
    public void Watches_AnyWatchedFieldChanged(string[] watched, string[] changed, bool expected) =>
        Assert.Equal(expected, RecordDiff.Watches(watched, changed));

    [Theory]
    [InlineData("status", true)]
    [InlineData("data.booking_start", true)]
    [InlineData("data.", false)]
    [InlineData("data.two words", false)]
    [InlineData("colour", false)]
    public void IsWatchable(string field, bool expected) => Assert.Equal(expected, RecordDiff.IsWatchable(field));

    [Fact]
    public void Apply_ChangeToAnExistingRecord_DerivesRecordChangedLast_ButNotOnCreateOrWhenNothingChanged()
    {
        var record = Notify.Domain.Records.Record.Create("booking", "B1", DateTime.UtcNow);
        var created = record.Apply(new RecordState { Status = "confirmed", Title = "Tyres" }, isNew: true, DateTime.UtcNow);
        var same = record.Apply(new RecordState { Status = "confirmed", Title = "Tyres" }, isNew: false, DateTime.UtcNow);
        var moved = record.Apply(new RecordState { Status = "moved", Title = "Tyres" }, isNew: false, DateTime.UtcNow);
        var retitled = record.Apply(new RecordState { Status = "moved", Title = "Tyres and wash" }, isNew: false, DateTime.UtcNow);

        Assert.Equal([EventTypes.Created], created.Select(c => c.Type));
        Assert.Empty(same);
        Assert.Equal([EventTypes.StatusChanged, EventTypes.Changed], moved.Select(c => c.Type));
        Assert.Equal([EventTypes.Changed], retitled.Select(c => c.Type));
    }
}
