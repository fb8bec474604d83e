namespace Notify.Workflows.Conditions.Builder;

/// <summary>Rows and groups joined by "all of these" (AND) or "any of these" (OR).</summary>
public sealed class ConditionGroup : ConditionPart
{
    public bool MatchAll { get; set; } = true;

    public List<ConditionPart> Parts { get; init; } = [];

    public IEnumerable<ConditionRow> Rows => Parts.SelectMany(p => p is ConditionGroup g ? g.Rows : [(ConditionRow)p]);
}
