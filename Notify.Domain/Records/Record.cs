using System.Text.Json;
using Notify.Domain.Common;

namespace Notify.Domain.Records;

/// <summary>A business object pushed in by a host system: an order, a task, a booking.</summary>
public sealed class Record
{
    private const int MaxTitle = 500;

    private Record()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string Key { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTime? Deadline { get; private set; }

    public List<string> Assignees { get; private set; } = [];

    public Dictionary<string, string> Contacts { get; private set; } = [];

    public string DataJson { get; private set; } = "{}";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// Goes up by one with every change. Stored as a concurrency token: when two app nodes change the same record at
    /// once, the second save fails and is retried on the fresh state, so an event is never derived twice.
    /// </summary>
    public int Version { get; private set; }

    public static Record Create(string type, string key, DateTime now)
    {
        Keys.Require(type, "type");
        Keys.Require(key, "key");
        return new Record { Id = Guid.NewGuid(), Type = type.ToLowerInvariant(), Key = key, CreatedAt = now, UpdatedAt = now };
    }

    public RecordSnapshot Snapshot() => new()
    {
        Type = Type,
        Key = Key,
        Status = Status,
        Title = Title,
        Deadline = Deadline,
        Assignees = Assignees.ToList(),
        Contacts = new Dictionary<string, string>(Contacts),
        DataJson = DataJson,
    };

    /// <summary>
    /// Takes the new state and says what happened, by comparing it with the state before.
    /// A state equal to the stored one derives nothing.
    /// </summary>
    public IReadOnlyList<RecordChange> Apply(RecordState state, bool isNew, DateTime now)
    {
        Validate(state);
        var newStatus = state.Status?.Trim() ?? "";
        var newDeadline = state.Deadline?.UtcDateTime;
        var newAssignees = state.Assignees.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        var added = newAssignees.Except(Assignees).ToList();

        var changes = new List<RecordChange>();
        if (isNew)
        {
            changes.Add(new RecordChange(EventTypes.Created, null, newStatus, []));
        }
        else if (newStatus != Status)
        {
            changes.Add(new RecordChange(EventTypes.StatusChanged, Status, newStatus, []));
        }

        if (added.Count > 0)
        {
            changes.Add(new RecordChange(EventTypes.Assigned, null, null, added));
        }

        if (newDeadline != Deadline && newDeadline is not null)
        {
            changes.Add(new RecordChange(EventTypes.DeadlineChanged, null, null, []));
        }

        var dataJson = JsonSerializer.Serialize(state.Data);
        var contentChanged = changes.Count > 0 || (state.Title ?? "") != Title || dataJson != DataJson
            || newDeadline != Deadline || !newAssignees.SequenceEqual(Assignees)
            || !ContactsEqual(state.Contacts);

        Status = newStatus;
        Title = state.Title?.Trim() ?? "";
        Deadline = newDeadline;
        Assignees = newAssignees;
        Contacts = state.Contacts.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => kv.Value.Trim());
        DataJson = dataJson;
        if (contentChanged)
        {
            UpdatedAt = now;
            Version++;
        }

        return changes;
    }

    private bool ContactsEqual(IReadOnlyDictionary<string, string> other) =>
        other.Count == Contacts.Count && other.All(kv =>
            Contacts.TryGetValue(kv.Key.Trim().ToLowerInvariant(), out var v) && v == kv.Value.Trim());

    /// <summary>Checks a state before anything is touched; throws with every field that is wrong.</summary>
    public static void Validate(RecordState state)
    {
        var errors = new List<FieldError>();
        if (state.Status is { Length: > 100 })
        {
            errors.Add(new FieldError("status", "is longer than 100 characters."));
        }

        if (state.Title is { Length: > MaxTitle })
        {
            errors.Add(new FieldError("title", $"is longer than {MaxTitle} characters."));
        }

        for (var i = 0; i < state.Assignees.Count; i++)
        {
            if (!Keys.IsValid(state.Assignees[i]))
            {
                errors.Add(new FieldError($"assignees[{i}]", "must be a contact key."));
            }
        }

        foreach (var (role, key) in state.Contacts)
        {
            if (!Keys.IsValid(role) || !Keys.IsValid(key))
            {
                errors.Add(new FieldError($"contacts.{role}", "role and contact key must be keys."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
