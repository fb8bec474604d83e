using Microsoft.Extensions.Options;

namespace Notify.Workflows.Channels;

/// <summary>Stops the app at start when quiet hours are set wrongly, naming the setting.</summary>
internal sealed class QuietHoursOptionsValidator : IValidateOptions<QuietHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, QuietHoursOptions options)
    {
        options.ToQuietHours(out var error);
        if (error is null && options.Channels?.Select((c, i) => (c, i)).FirstOrDefault(x => !Domain.Messaging.ChannelNames.TryParse(x.c, out _)) is { c: not null } bad)
        {
            error = $"Notify:QuietHours:Channels:{bad.i} '{bad.c}' is not a channel: use sms, email or inApp.";
        }

        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }
}
