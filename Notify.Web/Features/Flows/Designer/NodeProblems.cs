using Notify.Workflows.Definitions;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>
/// What is wrong or worth knowing about each node, worked out live as the admin draws: the save checks (an error stops a
/// save), the shape checks (a step nothing leads to, a branch path left open) and a template without text for a ticked channel.
/// </summary>
public sealed class NodeProblems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _warnings = new(StringComparer.Ordinal);

    public static NodeProblems Of(FlowDesign design, DesignerCatalog catalog, FlowValidator validator)
    {
        var problems = new NodeProblems();
        var definition = design.ToDefinition();
        var templates = catalog.Templates.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var error in validator.Validate(definition, templates))
        {
            problems.Add(problems._errors, NodeOf(error.Field, definition), $"{Words(error.Field)}{error.Message}");
        }

        foreach (var warning in FlowShapeCheck.Warnings(definition)) problems.Add(problems._warnings, warning.Node, warning.Message);
        foreach (var nobody in catalog.People?.NobodyIn(definition) ?? []) problems.Add(problems._warnings, nobody.StepId, nobody.Message);
        foreach (var send in definition.Steps.OfType<SendStepDefinition>())
        {

            if (catalog.Templates.FirstOrDefault(t => t.Key == send.Template) is not { } template) continue;
            foreach (var channel in send.Channels.Where(c => !template.Covers(c)))
                problems.Add(problems._warnings, send.Id, $"'{template.Name}' has no {ChannelWords(channel)} text, so nothing goes out by {ChannelWords(channel)}.");
        }

        return problems;
    }

    public IReadOnlyList<string> Errors(string node) => _errors.TryGetValue(node, out var list) ? list : [];

    public IReadOnlyList<string> Warnings(string node) => _warnings.TryGetValue(node, out var list) ? list : [];

    public int ErrorCount => _errors.Values.Sum(l => l.Count);

    public int WarningCount => _warnings.Values.Sum(l => l.Count);

    private void Add(Dictionary<string, List<string>> into, string node, string message)
    {
        if (!into.TryGetValue(node, out var list)) into[node] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>"steps[2].template" belongs to the third step's node; "trigger.event" and "name" to the trigger's.</summary>
    private static string NodeOf(string field, FlowDefinition definition)
    {
        if (field.StartsWith("steps[", StringComparison.Ordinal) && field.IndexOf(']') is var end and > 6 &&
            int.TryParse(field[6..end], out var index) && index < definition.Steps.Count)
        {
            return definition.Steps[index].Id;
        }

        if (field.StartsWith("layout.", StringComparison.Ordinal)) return field["layout.".Length..];
        return FlowGraph.Trigger;
    }

    private static string Words(string field)
    {
        var name = field.Contains('.') ? field[(field.LastIndexOf('.') + 1)..] : field;
        name = name.Split('[')[0];
        return name switch
        {
            "template" => "Template: ",
            "channels" => "Channels: ",
            "recipients" => "Recipients: ",
            "expression" => "Condition: ",
            "id" => "Step id: ",
            "name" => "Flow name: ",
            "event" => "Event: ",
            "next" or "then" or "else" => "Arrow: ",
            _ => "",
        };
    }

    private static string ChannelWords(string channel) => channel switch
    {
        "sms" => "SMS",
        "email" => "email",
        "inApp" => "in-app",
        _ => channel,
    };
}
