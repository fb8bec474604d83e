namespace Notify.Workflows.Conditions.Builder;

/// <summary>What kind of value a field holds, which decides the operators it offers and how its value is written.</summary>
public enum FieldType
{
    Text,
    Number,
    Date,
    YesNo,
    List,
}
