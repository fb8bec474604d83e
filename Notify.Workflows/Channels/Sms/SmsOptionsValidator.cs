using Microsoft.Extensions.Options;
using Notify.Domain.Messaging.Sms;
using PhoneNumbers;

namespace Notify.Workflows.Channels.Sms;

/// <summary>Checks the SMS settings at start-up, so a bad sender name or region stops the app with a clear message.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.SenderName) && SenderName.Validate(options.SenderName) is { } error)
        {
            errors.Add($"Notify:Sms:SenderName '{options.SenderName}' {error}");
        }

        if (!PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(options.DefaultRegion.ToUpperInvariant()))
        {
            errors.Add($"Notify:Sms:DefaultRegion '{options.DefaultRegion}' is not a region code such as NO, SE or PL.");
        }

        if (options.Twilio.IsConfigured && string.IsNullOrWhiteSpace(options.Twilio.From)
            && string.IsNullOrWhiteSpace(options.Twilio.MessagingServiceSid) && string.IsNullOrWhiteSpace(options.SenderName))
        {
            errors.Add("Twilio needs a sender: set Notify:Sms:Twilio:From, Notify:Sms:Twilio:MessagingServiceSid or Notify:Sms:SenderName.");
        }

        if (!Uri.TryCreate(options.Twilio.BaseUrl, UriKind.Absolute, out _))
        {
            errors.Add($"Notify:Sms:Twilio:BaseUrl '{options.Twilio.BaseUrl}' is not an absolute URL.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
