namespace Notify.Workflows.Definitions;

/// <summary>
/// A flow as an admin edits it: a draft, the number of its latest published version, and whether it may start runs:
/// a disabled flow starts none; a deleted one is also gone from lists, while its versions, runs and deliveries stay.
/// </summary>
public sealed class Flow
{
    private Flow()
    {
    }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string DraftJson { get; private set; } = "";

    /// <summary>0 while never published.</summary>
    public int PublishedVersion { get; private set; }

    public bool HasUnpublishedChanges { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Starts no runs while true (its published version stays, ready for when it is enabled).</summary>
    public bool Disabled { get; private set; }

    /// <summary>When it was deleted; null while it is in use.</summary>
    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static Flow Create(string key, FlowDefinition draft, DateTime now)
    {
        var flow = new Flow { Key = key };
        flow.SaveDraft(draft, now);
        return flow;
    }

    /// <summary>A new draft. A deleted flow saved again under its key comes back, disabled until an admin enables it.</summary>
    public void SaveDraft(FlowDefinition draft, DateTime now)
    {
        DeletedAt = null;
        Name = draft.Name;
        DraftJson = FlowJson.Serialize(draft);
        HasUnpublishedChanges = true;
        UpdatedAt = now;
    }

    public FlowDefinition Draft() => FlowJson.Deserialize(DraftJson);

    public void Disable(DateTime now)
    {
        Disabled = true;
        UpdatedAt = now;
    }

    public void Enable(DateTime now)
    {
        Disabled = false;
        UpdatedAt = now;
    }

    public void Delete(DateTime now)
    {
        Disabled = true;
        DeletedAt = now;
        UpdatedAt = now;
    }

    public FlowVersion Publish(DateTime now)
    {
        PublishedVersion++;
        HasUnpublishedChanges = false;
        UpdatedAt = now;
        return FlowVersion.Create(Key, PublishedVersion, DraftJson, now);
    }
}
