using Notify.Domain.Messaging.Sms;

namespace Notify.Domain.Tests.Messaging;

public class SmsBodyTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Measure_PlainGsm_Uses160Then153(int length, int segments)
    {
        var body = SmsBody.Measure(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, body.Encoding);
        Assert.Equal(segments, body.Segments);
    }

    [Fact]
    public void Measure_ExtensionCharacters_CountTwoSeptets()
    {
        var body = SmsBody.Measure(new string('a', 158) + "€");

        Assert.Equal(SmsEncoding.Gsm7, body.Encoding);
        Assert.Equal(160, body.Units);
        Assert.Equal(1, body.Segments);
        Assert.Equal(2, SmsBody.Measure(new string('a', 159) + "[").Segments);
    }

    [Fact]
    public void Measure_NordicLetters_StayInGsm7()
    {
        var body = SmsBody.Measure("Blåbærsyltetøy på Ærøy, Åse og Øystein");

        Assert.Equal(SmsEncoding.Gsm7, body.Encoding);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Measure_OneNonGsmCharacter_SwitchesTheWholeMessageToUcs2(int length, int segments)
    {
        var body = SmsBody.Measure("ł" + new string('a', length - 1));

        Assert.Equal(SmsEncoding.Ucs2, body.Encoding);
        Assert.Equal(segments, body.Segments);
    }

    [Fact]
    public void Measure_Emoji_CountsTwoUtf16Units()
    {
        var body = SmsBody.Measure("Hei 👍");

        Assert.Equal(SmsEncoding.Ucs2, body.Encoding);
        Assert.Equal(6, body.Units);
    }

    [Fact]
    public void IsTooLong_Above1600Characters()
    {
        Assert.False(SmsBody.Measure(new string('a', 1600)).IsTooLong);
        Assert.True(SmsBody.Measure(new string('a', 1601)).IsTooLong);
    }

    [Theory]
    [InlineData("Notify", null)]
    [InlineData("Firma AS", null)]
    [InlineData("A&B-Shop+_1", null)]
    [InlineData("TwelveChars1", "must be 1–11")]
    [InlineData("12345", "at least one letter")]
    [InlineData("Bad!", "must be 1–11")]
    public void SenderName_Validate(string name, string? error)
    {
        var result = SenderName.Validate(name);

        if (error is null) Assert.Null(result);
        else Assert.Contains(error, result);
    }

    [Fact]
    public void AnEnDash_ForcesUnicode_IsNamed_AndReplacingTheLookAlikesBringsBackGsm7()
    {
        const string text = "Your technician comes 07:00 – 10:00 “tomorrow”… Ha det bra, Åse!";

        var before = SmsBody.Measure(text);
        var notGsm = GsmCharacters.NotInGsm(text);
        var replaced = GsmCharacters.ReplaceLookAlikes(text);

        Assert.Equal(SmsEncoding.Ucs2, before.Encoding);
        Assert.Equal(['–', '“', '”', '…'], notGsm);
        Assert.Equal("– (en dash)", GsmCharacters.Describe('–'));
        Assert.Equal("Your technician comes 07:00 - 10:00 \"tomorrow\"... Ha det bra, Åse!", replaced);
        Assert.Equal(SmsEncoding.Gsm7, SmsBody.Measure(replaced).Encoding);
    }
}
