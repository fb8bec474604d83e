namespace Notify.Workflows.Definitions;

/// <summary>A flow as an admin edits it: a draft, and the number of its latest published version.</summary>
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

    public static Flow Create(string key, FlowDefinition draft, DateTime now)
    {
        var flow = new Flow { Key = key };
        flow.SaveDraft(draft, now);
        return flow;
    }

    public void SaveDraft(FlowDefinition draft, DateTime now)
    {
        Name = draft.Name;
        DraftJson = FlowJson.Serialize(draft);
        HasUnpublishedChanges = true;
        UpdatedAt = now;
    }

    public FlowDefinition Draft() => FlowJson.Deserialize(DraftJson);

    public FlowVersion Publish(DateTime now)
    {
        PublishedVersion++;
        HasUnpublishedChanges = false;
        UpdatedAt = now;
        return FlowVersion.Create(Key, PublishedVersion, DraftJson, now);
    }
}
