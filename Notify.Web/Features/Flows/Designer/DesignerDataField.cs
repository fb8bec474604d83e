using Notify.Domain.Common;
using Notify.Workflows.Conditions.Builder;

namespace Notify.Web.Features.Flows.Designer;

/// <summary>A key host systems put in a record's or an event's data, as seen on stored ones (<see cref="JsonValueKinds"/>).</summary>
public sealed record DesignerDataField(string Owner, string Scope, string Key, string Kind)
{
    /// <summary>The type a condition compares it as; null for lists and groups, which conditions do not look into.</summary>
    public FieldType? Type => Kind switch
    {
        JsonValueKinds.Number => FieldType.Number,
        JsonValueKinds.Date => FieldType.Date,
        JsonValueKinds.YesNo => FieldType.YesNo,
        JsonValueKinds.Text => FieldType.Text,
        _ => null,
    };
}
