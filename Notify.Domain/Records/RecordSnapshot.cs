namespace Notify.Domain.Records;

/// <summary>A record as it was at one moment; what conditions and templates see as <c>record</c> and <c>previous</c>.</summary>
public sealed record RecordSnapshot
{
    public string Type { get; init; } = "";

    public string Key { get; init; } = "";

    public string Status { get; init; } = "";

    public string Title { get; init; } = "";

    public DateTime? Deadline { get; init; }

    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Contacts by role: a key, or several joined by <see cref="RoleContacts"/>.</summary>
    public IReadOnlyDictionary<string, string> Contacts { get; init; } = new Dictionary<string, string>();

    /// <summary>Linked records by name, as <c>type/key</c>.</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    /// <summary>The host system's free data, as JSON text of an object.</summary>
    public string DataJson { get; init; } = "{}";
}
