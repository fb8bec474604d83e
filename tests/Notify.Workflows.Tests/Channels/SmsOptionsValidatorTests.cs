using Notify.Workflows.Channels.Sms;

namespace Notify.Workflows.Tests.Channels;

public class SmsOptionsValidatorTests
{
    private readonly SmsOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(_validator.Validate(null, new SmsOptions()).Succeeded);
    }

    [Theory]
    [InlineData("ThisIsTooLong", "SenderName")]
    [InlineData("12345", "SenderName")]
    public void BadSenderName_NamesTheSetting(string sender, string expected)
    {
        var result = _validator.Validate(null, new SmsOptions { SenderName = sender });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void UnknownRegion_IsRefused()
    {
        Assert.Contains("DefaultRegion", _validator.Validate(null, new SmsOptions { DefaultRegion = "XX" }).FailureMessage);
    }

    [Fact]
    public void TwilioWithoutAnySender_IsRefused()
    {
        var options = new SmsOptions { Twilio = new TwilioOptions { AccountSid = "AC1", AuthToken = "t" } };

        Assert.Contains("needs a sender", _validator.Validate(null, options).FailureMessage);
    }
}
