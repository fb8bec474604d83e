namespace Notify.Workflows.Digests;

/// <summary>What a digest's template sees besides the last message's data: <c>digest.events</c> (each with its record) and <c>digest.count</c>.</summary>
public static class DigestModel
{
    /// <summary>The model of the last message, with <c>digest</c> listing every collected message in order.</summary>
    public static IReadOnlyDictionary<string, object?> With(IReadOnlyList<IReadOnlyDictionary<string, object?>> models) =>
        new Dictionary<string, object?>(models[^1])
        {
            ["digest"] = new Dictionary<string, object?>
            {
                ["count"] = models.Count,
                ["events"] = models.Select(Event).ToList(),
            },
        };

    private static Dictionary<string, object?> Event(IReadOnlyDictionary<string, object?> model)
    {
        var e = model.GetValueOrDefault("event") as IReadOnlyDictionary<string, object?>;
        return new Dictionary<string, object?>
        {
            ["type"] = e?.GetValueOrDefault("type"),
            ["from_status"] = e?.GetValueOrDefault("from_status"),
            ["to_status"] = e?.GetValueOrDefault("to_status"),
            ["data"] = e?.GetValueOrDefault("data"),
            ["record"] = model.GetValueOrDefault("record"),
            ["at"] = model.GetValueOrDefault("now"),
        };
    }
}
