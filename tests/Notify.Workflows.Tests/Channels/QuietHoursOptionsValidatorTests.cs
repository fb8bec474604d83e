using Notify.Workflows.Channels;

namespace Notify.Workflows.Tests.Channels;

public class QuietHoursOptionsValidatorTests
{
    private readonly QuietHoursOptionsValidator _validator = new();

    [Fact]
    public void Unset_IsValidAndOff()
    {
        var options = new QuietHoursOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Null(options.ToQuietHours(out _));
    }

    [Theory]
    [InlineData("9pm", "08:00", "Europe/Oslo", "Notify:QuietHours:Start")]
    [InlineData("21:00", null, "Europe/Oslo", "Notify:QuietHours:End")]
    [InlineData("21:00", "08:00", "Mars/Olympus", "Notify:QuietHours:TimeZone 'Mars/Olympus'")]
    public void WrongValue_NamesTheSetting(string? start, string? end, string zone, string expected)
    {
        var result = _validator.Validate(null, new QuietHoursOptions { Start = start, End = end, TimeZone = zone });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }
}
