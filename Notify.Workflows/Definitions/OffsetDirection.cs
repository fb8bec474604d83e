namespace Notify.Workflows.Definitions;

public enum OffsetDirection
{
    Before,
    After,
}
