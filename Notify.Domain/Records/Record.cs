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

    /// <summary>Contacts by role: a key, or several joined by <see cref="RoleContacts"/>.</summary>
    public Dictionary<string, string> Contacts { get; private set; } = [];

    /// <summary>Other records this one belongs to (<c>customer</c> → <c>customer/ACME</c>), each with contacts of its own.</summary>
    public Dictionary<string, string> Links { get; private set; } = [];

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
        Links = new Dictionary<string, string>(Links),
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

        var before = isNew ? null : Snapshot();
        var dataJson = JsonSerializer.Serialize(state.Data);
        var contentChanged = changes.Count > 0 || (state.Title ?? "") != Title || dataJson != DataJson
            || newDeadline != Deadline || !newAssignees.SequenceEqual(Assignees)
            || !SameMap(Contacts, NormalContacts(state.Contacts)) || !SameMap(Links, NormalLinks(state.Links));

        Status = newStatus;
        Title = state.Title?.Trim() ?? "";
        Deadline = newDeadline;
        Assignees = newAssignees;
        Contacts = NormalContacts(state.Contacts);
        Links = NormalLinks(state.Links);
        DataJson = dataJson;
        if (contentChanged)
        {
            UpdatedAt = now;
            Version++;
        }

        if (before is not null && RecordDiff.Fields(before, Snapshot()).Count > 0)
        {
            changes.Add(new RecordChange(EventTypes.Changed, null, null, []));
        }

        return changes;
    }

    private static Dictionary<string, string> NormalContacts(IReadOnlyDictionary<string, string> contacts) =>
        contacts.Select(kv => (Role: kv.Key.Trim().ToLowerInvariant(), Keys: RoleContacts.Join(RoleContacts.Keys(kv.Value))))
            .Where(x => x.Keys.Length > 0).ToDictionary(x => x.Role, x => x.Keys);

    private static Dictionary<string, string> NormalLinks(IReadOnlyDictionary<string, string> links) =>
        links.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => RecordLink.TryParse(kv.Value, out var link) ? link.ToString() : kv.Value.Trim());

    private static bool SameMap(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

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

        foreach (var (role, value) in state.Contacts)
        {
            var keys = RoleContacts.Keys(value);
            if (!Keys.IsValid(role) || keys.Count == 0 || !keys.All(Keys.IsValid))
            {
                errors.Add(new FieldError($"contacts.{role}", "role and contact keys must be keys (a role names one contact key or a list of them)."));
            }
        }

        foreach (var (name, target) in state.Links)
        {
            if (!Keys.IsValid(name) || !RecordLink.TryParse(target, out _))
            {
                errors.Add(new FieldError($"links.{name}", "must name another record as type/key, e.g. customer/ACME."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
