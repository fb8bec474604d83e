using Notify.Domain.Common;
using Notify.Domain.Contacts;

namespace Notify.Domain.Tests.Contacts;

public class ContactTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private readonly PhoneNumberNormalizer _phones = new("NO");

    [Fact]
    public void Create_PhonesWithoutPlus_AreNormalisedToE164WithTheDefaultRegion()
    {
        var contact = Contact.Create("ola", new ContactDetails
        {
            Name = "Ola Nordmann",
            Phones = [new("912 34 567"), new("+46 70 123 45 67", "work")],
        }, _phones, Now);

        Assert.Equal(["+4791234567", "+46701234567"], contact.Phones.Select(p => p.Value));
        Assert.Equal("work", contact.Phones[1].Label);
        Assert.Equal("+4791234567", contact.PrimaryPhone);
    }

    [Fact]
    public void Create_InvalidPhoneAndEmail_ReportsEachFieldByIndex()
    {
        var ex = Assert.Throws<ValidationException>(() => Contact.Create("ola", new ContactDetails
        {
            Name = "Ola",
            Emails = [new("ola@example.com"), new("not-an-email")],
            Phones = [new("12")],
        }, _phones, Now));

        Assert.Contains(ex.Errors, e => e.Field == "emails[1]");
        Assert.Contains(ex.Errors, e => e.Field == "phones[0]");
    }

    [Fact]
    public void Update_WithErrors_LeavesTheContactUnchanged()
    {
        var contact = Contact.Create("ola", new ContactDetails { Name = "Ola", Emails = [new("ola@example.com")] }, _phones, Now);

        Assert.Throws<ValidationException>(() => contact.Update(new ContactDetails { Name = "", Emails = [new("x@y.no")] }, _phones, Now));

        Assert.Equal("Ola", contact.Name);
        Assert.Equal("ola@example.com", contact.PrimaryEmail);
    }

    [Fact]
    public void PrimaryEmail_PrefersTheOneMarkedPrimary()
    {
        var contact = Contact.Create("ola", new ContactDetails
        {
            Name = "Ola", Emails = [new("home@example.com"), new("work@example.com", "work", Primary: true)],
        }, _phones, Now);

        Assert.Equal("work@example.com", contact.PrimaryEmail);
    }

    [Theory]
    [InlineData("a@b.no", true)]
    [InlineData("Ola <a@b.no>", false)]
    [InlineData("a@localhost", false)]
    [InlineData("", false)]
    public void EmailAddressRules_AcceptOnlyPlainAddresses(string input, bool valid)
    {
        Assert.Equal(valid, EmailAddressRules.TryNormalize(input, out _, out _));
    }

    [Fact]
    public void ChooseMutedFlows_SaysWhatWasTurnedOffAndOn_AndRepeatingChangesNothing()
    {
        var contact = Contact.Create("ola", new ContactDetails { Name = "Ola" }, _phones, Now);

        var first = contact.ChooseMutedFlows(["task-overdue", " order-ready ", "task-overdue"], Now.AddHours(1));
        var second = contact.ChooseMutedFlows(["order-ready", "task-due-soon"], Now.AddHours(2));
        var again = contact.ChooseMutedFlows(["order-ready", "task-due-soon"], Now.AddHours(3));

        Assert.Equal(["task-overdue", "order-ready"], first.TurnedOff);
        Assert.Empty(first.TurnedOn);
        Assert.Equal(["task-due-soon"], second.TurnedOff);
        Assert.Equal(["task-overdue"], second.TurnedOn);
        Assert.Empty(again.TurnedOff);
        Assert.Empty(again.TurnedOn);
        Assert.Equal(Now.AddHours(2), contact.UpdatedAt);
        Assert.True(contact.HasMuted("order-ready"));
        Assert.False(contact.HasMuted("task-overdue"));
        Assert.False(contact.HasMuted(null));
    }
}
