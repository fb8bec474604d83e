using Notify.Workflows.Definitions;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>One step as the designer edits it; only the fields of its <see cref="Kind"/> are used.</summary>
public sealed class StepDesign
{
    public string Kind { get; set; } = "send";

    public string Id { get; set; } = "";

    public string? Title { get; set; }

    public string? Next { get; set; }

    /// <summary>Condition and branch.</summary>
    public string Expression { get; set; } = "";

    public string? Then { get; set; }

    public string? Else { get; set; }

    /// <summary>Delay: a duration, or (when <see cref="UntilDeadline"/>) an offset from the record's deadline.</summary>
    public int Amount { get; set; } = 1;

    public TimeUnit Unit { get; set; } = TimeUnit.Hours;

    public bool UntilDeadline { get; set; }

    public OffsetDirection Direction { get; set; } = OffsetDirection.Before;

    /// <summary>Send.</summary>
    public List<string> Channels { get; set; } = [];

    public string Template { get; set; } = "";

    public List<string> Recipients { get; set; } = [];

    /// <summary>Recipients that are not roles (group:, contact:, email:, phone:), comma separated.</summary>
    public string OtherRecipients { get; set; } = "";

    /// <summary>Stop.</summary>
    public string? Reason { get; set; }

    public static readonly IReadOnlyList<(string Kind, string Label, string Icon, string Help)> Kinds =
    [
        ("send", "Send a message", MudBlazor.Icons.Material.Filled.Send, "A template by SMS, email or in-app to the people in the chosen roles."),
        ("condition", "Only go on if…", MudBlazor.Icons.Material.Filled.FilterAlt, "Ends the run when the condition is false."),
        ("branch", "If / otherwise", MudBlazor.Icons.Material.Filled.CallSplit, "Goes to one step when the condition is true and another when it is false."),
        ("delay", "Wait", MudBlazor.Icons.Material.Filled.HourglassTop, "A while, or until some time before or after the record's deadline."),
        ("stop", "Stop", MudBlazor.Icons.Material.Filled.StopCircle, "Ends the run here."),
    ];

    /// <summary>Roles the designer offers as tick boxes; anything else goes in <see cref="OtherRecipients"/>.</summary>
    public static bool IsRole(string recipient) => !recipient.Contains(':', StringComparison.Ordinal);

    public static StepDesign From(StepDefinition step)
    {
        var design = new StepDesign { Kind = step.Kind, Id = step.Id, Title = step.Title, Next = step.Next };
        switch (step)
        {
            case ConditionStepDefinition c:
                design.Expression = c.Expression;
                break;
            case BranchStepDefinition b:
                design.Expression = b.Expression;
                design.Then = b.Then;
                design.Else = b.Else;
                break;
            case DelayStepDefinition d:
                design.Amount = d.Amount;
                design.Unit = d.Unit;
                design.UntilDeadline = d.Until is not null;
                design.Direction = d.Direction;
                break;
            case SendStepDefinition s:
                design.Channels = s.Channels.ToList();
                design.Template = s.Template;
                design.Recipients = s.Recipients.Where(IsRole).ToList();
                design.OtherRecipients = string.Join(", ", s.Recipients.Where(r => !IsRole(r)));
                break;
            case StopStepDefinition s:
                design.Reason = s.Reason;
                break;
        }

        return design;
    }

    public StepDefinition ToDefinition()
    {
        var title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim();
        var id = Id.Trim();
        return Kind switch
        {
            "condition" => new ConditionStepDefinition { Id = id, Title = title, Next = Next, Expression = Expression.Trim() },
            "branch" => new BranchStepDefinition { Id = id, Title = title, Next = Next, Expression = Expression.Trim(), Then = Then, Else = Else },
            "delay" => new DelayStepDefinition
            {
                Id = id, Title = title, Next = Next, Amount = Amount, Unit = Unit,
                Until = UntilDeadline ? "deadline" : null, Direction = UntilDeadline ? Direction : OffsetDirection.After,
            },
            "stop" => new StopStepDefinition { Id = id, Title = title, Next = Next, Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim() },
            _ => new SendStepDefinition
            {
                Id = id, Title = title, Next = Next, Template = Template,
                Channels = Channels.ToList(),
                Recipients = Recipients.Concat(FlowDesign.SplitList(OtherRecipients)).Distinct(StringComparer.Ordinal).ToList(),
            },
        };
    }

    /// <summary>Ticks or unticks a value in a list the designer shows as tick boxes, keeping the order it was ticked in.</summary>
    public static void Toggle(List<string> list, string value, bool on)
    {
        list.RemoveAll(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (on) list.Add(value);
    }
}
