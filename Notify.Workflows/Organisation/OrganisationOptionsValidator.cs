using Microsoft.Extensions.Options;

namespace Notify.Workflows.Organisation;

/// <summary>A time zone that does not exist stops the app at start, naming the setting.</summary>
public sealed class OrganisationOptionsValidator : IValidateOptions<OrganisationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationOptions options)
    {
        try
        {
            _ = options.Zone;
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"Notify:Organisation:TimeZone '{options.TimeZone}' is not a time zone; use a name such as Europe/Oslo.");
        }
    }
}
