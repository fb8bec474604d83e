namespace Notify.Web.Features.Messages;

/// <summary>A person or group picked on the Send a message page: its <c>to</c> entry and what the chip says.</summary>
public sealed record RecipientChoice(string Entry, string Label, bool IsGroup);
