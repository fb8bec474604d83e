namespace Notify.Domain.Records;

/// <summary>A kind of record (order, task): which of its statuses mean the work is done, and the contact roles its records use.</summary>
public sealed class RecordType
{
    private RecordType()
    {
    }

    public string Type { get; private set; } = "";

    public string Name { get; private set; } = "";

    public List<string> DoneStatuses { get; private set; } = [];

    /// <summary>
    /// The contact roles an admin declared for these records (customer, manager…): the designer offers these, so a role a
    /// host system sent once by mistake never becomes a choice.
    /// </summary>
    public List<string> ContactRoles { get; private set; } = [];

    public static RecordType Create(string type, string name, IEnumerable<string> doneStatuses) => new()
    {
        Type = type.ToLowerInvariant(),
        Name = name,
        DoneStatuses = doneStatuses.Select(s => s.Trim()).Distinct().ToList(),
    };

    /// <summary>Declares the contact roles (trimmed, lower case, each once); every one must be a key.</summary>
    public RecordType WithContactRoles(IEnumerable<string> roles)
    {
        var declared = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        var bad = declared.Where(r => !Common.Keys.IsValid(r)).ToList();
        if (bad.Count > 0)
            throw new Common.ValidationException("contactRoles", $"'{bad[0]}' is not a role name: letters, digits, '.', '-' or '_'.");
        ContactRoles = declared;
        return this;
    }

    public bool IsDone(string? status) => status is not null && DoneStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
}
