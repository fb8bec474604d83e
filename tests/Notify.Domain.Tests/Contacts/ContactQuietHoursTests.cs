using Notify.Domain.Common;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;

namespace Notify.Domain.Tests.Contacts;

/// <summary>A person's own send window: their quiet hours, else the organisation's, in their own time zone, across midnight and daylight saving.</summary>
public class ContactQuietHoursTests
{
    private static readonly DateTime Now = new(2026, 10, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly QuietHours Organisation = new(new TimeOnly(21, 0), new TimeOnly(8, 0), Oslo);

    private static Contact Person(string? zone = null, string? start = null, string? end = null) =>
        Contact.Create("p", new ContactDetails { Name = "P", TimeZone = zone, QuietStart = start, QuietEnd = end }, new PhoneNumberNormalizer("NO"), Now);

    [Fact]
    public void OwnWindowInOwnZone_AcrossMidnight_OnTheNightNewYorkLeavesDaylightSaving_HoldsUntilSevenInTheMorningThere()
    {
        var window = Person("America/New_York", "22:00", "07:00").QuietHoursWith(Organisation, Oslo)!;

        // 23:30 on Saturday 31 October (EDT, UTC-4); the clocks go back at 02:00, so 07:00 on Sunday is EST, UTC-5.
        Assert.Equal(new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), window.HoldUntil(new DateTime(2026, 11, 1, 3, 30, 0, DateTimeKind.Utc)));
        Assert.Null(window.HoldUntil(new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void OwnWindowInOwnZone_OnTheNightNewYorkEntersDaylightSaving_HoldsUntilSevenItsNewTime()
    {
        var window = Person("America/New_York", "22:00", "07:00").QuietHoursWith(null, Oslo)!;

        // 00:00 on Sunday 8 March is EST (UTC-5); the clocks jump at 02:00, so 07:00 is EDT, UTC-4.
        Assert.Equal(new DateTime(2026, 3, 8, 11, 0, 0, DateTimeKind.Utc), window.HoldUntil(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void NoOwnWindow_TheOrganisationsHoursCountInThePersonsZone()
    {
        var tokyo = Person("Asia/Tokyo").QuietHoursWith(Organisation, Oslo)!;

        // 13:00 UTC is 14:00 in Oslo (not quiet) but 22:00 in Tokyo: held until 08:00 in Tokyo, 23:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 16, 23, 0, 0, DateTimeKind.Utc), tokyo.HoldUntil(new DateTime(2026, 11, 16, 13, 0, 0, DateTimeKind.Utc)));
        Assert.Null(Organisation.HoldUntil(new DateTime(2026, 11, 16, 13, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void NoZoneNoWindow_IsTheOrganisationsWindow_AndWithoutOneNoWindowAtAll()
    {
        Assert.Equal(Organisation, Person().QuietHoursWith(Organisation, Oslo));
        Assert.Null(Person().QuietHoursWith(null, Oslo));
        Assert.Equal(new QuietHours(new TimeOnly(23, 0), new TimeOnly(6, 0), Oslo), Person(null, "23:00", "06:00").QuietHoursWith(null, Oslo));
    }

    [Theory]
    [InlineData("Mars/Olympus", null, null, "timeZone")]
    [InlineData(null, "22:00", null, "quietHours.end")]
    [InlineData(null, null, "07:00", "quietHours.start")]
    [InlineData(null, "10pm", "07:00", "quietHours.start")]
    [InlineData(null, "22:00", "25:00", "quietHours.end")]
    public void AWindowThatCannotBeRead_IsRefusedNamingTheField_AndNothingChanges(string? zone, string? start, string? end, string field)
    {
        var contact = Person("Europe/Oslo", "22:00", "07:00");

        var error = Assert.Throws<ValidationException>(() => contact.Update(new ContactDetails { Name = "P", TimeZone = zone, QuietStart = start, QuietEnd = end },
            new PhoneNumberNormalizer("NO"), Now));

        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Equal(("Europe/Oslo", new TimeOnly(22, 0), new TimeOnly(7, 0)), (contact.TimeZone, contact.QuietStart, contact.QuietEnd));
    }
}
