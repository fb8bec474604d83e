using Microsoft.AspNetCore.Components;
using Notify.Workflows.Conditions.Builder;

namespace Notify.Web.Features.Flows.Designer.Conditions;

/// <summary>
/// Keeps its rows while they are edited and writes the expression after each edit ("" while a row is incomplete, so
/// the flow cannot be saved half-built). An expression that arrives from outside (undo, the JSON tab, another editor)
/// is read again; one the builder would not write itself opens behind the switch, as typed.
/// </summary>
public partial class ConditionBuilder
{
    private ConditionGroup _group = new();
    private ConditionWriter _writer = default!;
    private string? _seen;
    private string? _scope;
    private bool _advanced;
    private bool _cannotShow;

    [Parameter, EditorRequired] public string Expression { get; set; } = "";

    [Parameter] public EventCallback<string> ExpressionChanged { get; set; }

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public FlowDesign Design { get; set; } = default!;

    [Parameter] public string? Error { get; set; }

    [Parameter] public string TestId { get; set; } = "condition";

    protected override void OnParametersSet()
    {
        var scope = string.Join(",", Design.RecordTypes) + "|" + Design.Event + "|" + Design.CustomEventType;
        if (scope != _scope)
        {
            var fields = Catalog.ConditionFieldsFor(Design);
            foreach (var row in _group.Rows)
            {
                if (_writer?.Fields.ById(row.Field) is { } used) fields.Include(used);
            }

            _writer = new ConditionWriter(fields);
            _scope = scope;
        }

        if (Expression != _seen)
        {
            _seen = Expression;
            var read = new ConditionReader(_writer).Read(Expression);
            _cannotShow = read is null;
            _advanced = read is null || (_advanced && Expression.Length > 0);
            _group = read ?? new ConditionGroup();
        }
    }

    private async Task WriteAsync()
    {
        _seen = _writer.Write(_group);
        await ExpressionChanged.InvokeAsync(_seen);
    }

    private async Task TypedAsync(string value)
    {
        _seen = value.Trim();
        await ExpressionChanged.InvokeAsync(_seen);
    }

    private void Switch(bool advanced)
    {
        var read = advanced ? null : new ConditionReader(_writer).Read(Expression);
        _cannotShow = !advanced && read is null;
        _advanced = advanced || read is null;
        _group = read ?? _group;
    }
}
