namespace Notify.Domain.Records;

/// <summary>A kind of record (order, task) and which of its statuses mean the work is done.</summary>
public sealed class RecordType
{
    private RecordType()
    {
    }

    public string Type { get; private set; } = "";

    public string Name { get; private set; } = "";

    public List<string> DoneStatuses { get; private set; } = [];

    public static RecordType Create(string type, string name, IEnumerable<string> doneStatuses) => new()
    {
        Type = type.ToLowerInvariant(),
        Name = name,
        DoneStatuses = doneStatuses.Select(s => s.Trim()).Distinct().ToList(),
    };

    public bool IsDone(string? status) => status is not null && DoneStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
}
