namespace Notify.Domain.Common;

/// <summary>One problem with one input field, e.g. <c>phones[0]</c>: "not a valid phone number".</summary>
public sealed record FieldError(string Field, string Message);
