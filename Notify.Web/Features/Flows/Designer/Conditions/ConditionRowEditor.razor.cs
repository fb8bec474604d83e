using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Notify.Workflows.Conditions.Builder;
using Notify.Workflows.Definitions;
using Notify.Workflows.Organisation;

namespace Notify.Web.Features.Flows.Designer.Conditions;

/// <summary>Edits one row in place; a new field keeps the operator and value only when they still fit its type.</summary>
public partial class ConditionRowEditor
{
    [Inject] private IOptions<OrganisationOptions> Organisation { get; set; } = default!;

    [Parameter, EditorRequired] public ConditionRow Row { get; set; } = default!;

    [Parameter, EditorRequired] public ConditionWriter Writer { get; set; } = default!;

    [Parameter, EditorRequired] public string Path { get; set; } = "";

    [Parameter] public EventCallback Changed { get; set; }

    [Parameter] public EventCallback Remove { get; set; }

    private ConditionField? Field => Writer.Fields.ById(Row.Field);

    private FieldType Type => Field?.Type ?? FieldType.Text;

    private IReadOnlyList<ConditionOperator> Operators => Field?.Operators ?? [];

    private RowProblem? Problem => Writer.Check(Row);

    private string ValueLabel => Type switch
    {
        FieldType.Number => "Number",
        _ when ConditionOperators.Operand(Row.Operator) == OperandKind.Values => "Values",
        _ => "Text",
    };

    private DateTime? Day => DateOnly.TryParseExact(Row.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        ? d.ToDateTime(TimeOnly.MinValue) : null;

    private string DayHelp => $"From midnight, {Organisation.Value.TimeZone} time";

    private static string FieldLabel(ConditionField f) => f.Group is "Record" ? f.Label : $"{f.Group}: {f.Label} ({TypeName(f.Type)})";

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Number => "number",
        FieldType.Date => "date",
        FieldType.YesNo => "yes/no",
        FieldType.List => "list",
        _ => "text",
    };

    private string? Message(string input) => Problem is { } p && p.Input == input ? p.Message : null;

    private Task FieldAsync(string id)
    {
        var before = Type;
        Row.Field = id;
        if (!Operators.Contains(Row.Operator)) Row.Operator = Operators.FirstOrDefault();
        if (before != Type) Row.Value = "";
        return Changed.InvokeAsync();
    }

    private Task OperatorAsync(ConditionOperator op) => Edit(() => Row.Operator = op);

    private Task ValueAsync(string value) => Edit(() => Row.Value = value ?? "");

    private Task DayAsync(DateTime? day) => Edit(() => Row.Value = day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

    private Task AmountAsync(int amount) => Edit(() => Row.Amount = amount);

    private Task UnitAsync(TimeUnit unit) => Edit(() => Row.Unit = unit);

    private Task Edit(Action change)
    {
        change();
        return Changed.InvokeAsync();
    }
}
