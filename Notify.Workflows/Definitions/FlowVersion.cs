namespace Notify.Workflows.Definitions;

/// <summary>A published, immutable version of a flow. Runs keep to the version they started on.</summary>
public sealed class FlowVersion
{
    private FlowVersion()
    {
    }

    public Guid Id { get; private set; }

    public string FlowKey { get; private set; } = "";

    public int Version { get; private set; }

    public string DefinitionJson { get; private set; } = "";

    /// <summary>Only the newest version of a flow starts new runs.</summary>
    public bool IsCurrent { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public static FlowVersion Create(string flowKey, int version, string json, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        FlowKey = flowKey,
        Version = version,
        DefinitionJson = json,
        IsCurrent = true,
        PublishedAt = now,
    };

    public void Supersede() => IsCurrent = false;

    public FlowDefinition Definition() => FlowJson.Deserialize(DefinitionJson);
}
