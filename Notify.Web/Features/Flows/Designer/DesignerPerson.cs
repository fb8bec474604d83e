namespace Notify.Web.Features.Flows.Designer;

/// <summary>A contact a send step can go to by name (<c>contact:KEY</c>).</summary>
public sealed record DesignerPerson(string Key, string Name);
