using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Records;

namespace Notify.Workflows.Tests.Steps;

/// <summary>A contact with several addresses gets a message at each one marked for notifications, or at the primary one when none is.</summary>
public sealed class SeveralAddressesTests
{
    private static async Task<List<Delivery>> OrderReadyForAsync(EngineHarness engine, string key, ContactDetails lise)
    {
        await using (var db = await engine.Db())
        {
            db.Contacts.Add(Contact.Create(key.ToLowerInvariant(), lise, engine.Services.GetRequiredService<PhoneNumberNormalizer>(), engine.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        var order = new RecordState { Status = "new", Contacts = new Dictionary<string, string> { ["customer"] = key.ToLowerInvariant() } };
        await engine.Ingest.UpsertRecordAsync("order", key, order, CancellationToken.None);
        await engine.Ingest.UpsertRecordAsync("order", key, order with { Status = "ready" }, CancellationToken.None);
        await engine.RunAllAsync();
        return await engine.DeliveriesAsync("order", key);
    }

    [Fact]
    public async Task TwoPhonesAndTwoEmailsMarked_EachGetsItsOwnDelivery_AndTheUnmarkedOneNone()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deliveries = await OrderReadyForAsync(engine, "LISE-1", new ContactDetails
        {
            Name = "Lise Dahl",
            Consent = ChannelConsent.All,
            Emails = [new("lise@work.example", "work", Primary: true, Notify: true), new("lise@home.example", "home", Notify: true), new("old@example.com")],
            Phones = [new("+47 915 11 222", Notify: true), new("+47 922 33 444", "work", Notify: true), new("+47 933 44 555", "private", Primary: true)],
        });

        Assert.Equal(["lise@home.example", "lise@work.example"], deliveries.Where(d => d.Channel == Channel.Email).Select(d => d.Address).Order());
        Assert.Equal(["+4791511222", "+4792233444"], deliveries.Where(d => d.Channel == Channel.Sms).Select(d => d.Address).Order());
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.DeliveryKey).Distinct().Count());
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task NoneMarked_ThePrimaryOneGetsIt()
    {
        await using var engine = await EngineHarness.StartAsync();
        var deliveries = await OrderReadyForAsync(engine, "LISE-2", new ContactDetails
        {
            Name = "Lise Dahl",
            Consent = ChannelConsent.All,
            Emails = [new("first@example.com"), new("main@example.com", Primary: true)],
            Phones = [new("+47 915 11 222"), new("+47 922 33 444")],
        });

        Assert.Equal("main@example.com", Assert.Single(deliveries, d => d.Channel == Channel.Email).Address);
        Assert.Equal("+4791511222", Assert.Single(deliveries, d => d.Channel == Channel.Sms).Address);
    }
}
