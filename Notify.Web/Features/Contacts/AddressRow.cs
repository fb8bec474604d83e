using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>One email address or phone number as the contact dialog edits it.</summary>
public sealed class AddressRow
{
    public string Value { get; set; } = "";

    public string? Label { get; set; }

    public bool Primary { get; set; }

    /// <summary>Messages go to every address marked so (or to the primary one when none is).</summary>
    public bool Notify { get; set; }

    public static AddressRow From(ContactPoint point) => new() { Value = point.Value, Label = point.Label, Primary = point.Primary, Notify = point.Notify };

    public ContactPoint ToPoint() => new(Value.Trim(), string.IsNullOrWhiteSpace(Label) ? null : Label.Trim(), Primary, Notify);
}
