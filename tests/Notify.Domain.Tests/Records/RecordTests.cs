using Notify.Domain.Common;
using Notify.Domain.Records;
using Record = Notify.Domain.Records.Record;

namespace Notify.Domain.Tests.Records;

public class RecordTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_NewRecord_DerivesCreated()
    {
        var record = Record.Create("order", "AO1", Now);

        var changes = record.Apply(new RecordState { Status = "new" }, isNew: true, Now);

        var change = Assert.Single(changes);
        Assert.Equal(EventTypes.Created, change.Type);
        Assert.Equal("new", change.ToStatus);
    }

    [Fact]
    public void Apply_SameStateTwice_DerivesNothingTheSecondTime()
    {
        var record = Record.Create("order", "AO1", Now);
        var state = new RecordState { Status = "new", Title = "T", Assignees = ["per"], Deadline = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(1)) };
        record.Apply(state, true, Now);

        var changes = record.Apply(state, false, Now.AddMinutes(1));

        Assert.Empty(changes);
    }

    [Fact]
    public void Apply_StatusChanged_DerivesFromAndTo()
    {
        var record = Record.Create("order", "AO1", Now);
        record.Apply(new RecordState { Status = "new" }, true, Now);

        var changes = record.Apply(new RecordState { Status = "ready" }, false, Now);
        Assert.Equal([EventTypes.StatusChanged, EventTypes.Changed], changes.Select(c => c.Type));
        var change = changes[0];

        Assert.Equal(EventTypes.StatusChanged, change.Type);
        Assert.Equal("new", change.FromStatus);
        Assert.Equal("ready", change.ToStatus);
    }

    [Fact]
    public void Apply_AssigneeAdded_DerivesAssignedWithOnlyTheNewOne()
    {
        var record = Record.Create("task", "T1", Now);
        record.Apply(new RecordState { Status = "open", Assignees = ["per"] }, true, Now);

        var changes = record.Apply(new RecordState { Status = "open", Assignees = ["per", "anna"] }, false, Now);

        var change = Assert.Single(changes, c => c.Type != EventTypes.Changed);
        Assert.Equal(EventTypes.Assigned, change.Type);
        Assert.Equal(["anna"], change.AddedAssignees);
    }

    [Fact]
    public void Apply_DeadlineMoved_DerivesDeadlineChangedAndStoresUtc()
    {
        var record = Record.Create("task", "T1", Now);
        record.Apply(new RecordState { Status = "open", Deadline = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(1)) }, true, Now);

        var changes = record.Apply(new RecordState { Status = "open", Deadline = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(1)) }, false, Now);

        Assert.Equal([EventTypes.DeadlineChanged, EventTypes.Changed], changes.Select(c => c.Type));
        Assert.Equal(new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc), record.Deadline);
    }

    [Fact]
    public void Apply_InvalidAssigneeKey_ThrowsNamingTheFieldAndChangesNothing()
    {
        var record = Record.Create("task", "T1", Now);
        record.Apply(new RecordState { Status = "open" }, true, Now);

        var ex = Assert.Throws<ValidationException>(() => record.Apply(new RecordState { Status = "done", Assignees = ["ok", "not a key"] }, false, Now));

        Assert.Equal("assignees[1]", Assert.Single(ex.Errors).Field);
        Assert.Equal("open", record.Status);
    }

    [Fact]
    public void RecordType_IsDone_MatchesDoneStatusesIgnoringCase()
    {
        var type = RecordType.Create("task", "Task", ["done", "cancelled"]);

        Assert.True(type.IsDone("Done"));
        Assert.False(type.IsDone("open"));
        Assert.False(type.IsDone(null));
    }

    [Fact]
    public void Apply_VersionGoesUpWithEachChange_AndNotForARepeat()
    {
        var record = Record.Create("order", "AO9", Now);

        record.Apply(new RecordState { Status = "new" }, isNew: true, Now);
        var afterCreate = record.Version;
        record.Apply(new RecordState { Status = "new" }, isNew: false, Now.AddMinutes(1));
        var afterRepeat = record.Version;
        record.Apply(new RecordState { Status = "new", Title = "Blue bike" }, isNew: false, Now.AddMinutes(2));

        Assert.Equal(1, afterCreate);
        Assert.Equal(1, afterRepeat);
        Assert.Equal(2, record.Version);
    }
}
