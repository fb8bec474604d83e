using Microsoft.Extensions.Options;

namespace Notify.Workflows.Channels;

/// <summary>Stops the app at start when quiet hours are set wrongly, naming the setting.</summary>
internal sealed class QuietHoursOptionsValidator : IValidateOptions<QuietHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, QuietHoursOptions options)
    {
        options.ToQuietHours(out var error);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }
}
