using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The record page marks a message out of date when a field it used has changed, and sends it again with the current data.</summary>
public sealed class RecordStoryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PickupMoved_TheEmailIsMarkedOutOfDate_AndIsSentAgainWithTheNewPlace()
    {
        using var api = browser.App.CreateApiClient();
        async Task PutAsync(string status, string pickup) => (await api.PutAsJsonAsync("/api/v1/records/order/STORY-1",
            new { status, title = "Summer tyres", contacts = new { customer = "ola" }, data = new { pickup } })).EnsureSuccessStatusCode();
        await PutAsync("new", "Storgata 1");
        await PutAsync("ready", "Storgata 1");
        await Eventually.GetAsync(() => api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=STORY-1&channel=email&status=sent"),
            j => j.GetProperty("total").GetInt32() == 1);
        await PutAsync("ready", "Lagerveien 5"); // the pick-up place moved after the email went out

        var page = await browser.OpenAsync("/records/order/STORY-1");
        var stale = page.GetByTestId("delivery-stale");
        await Assertions.Expect(stale).ToHaveCountAsync(1);
        await Assertions.Expect(stale).ToHaveTextAsync("Out of date: pickup changed");
        await page.GetByTestId("delivery-send-again").ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "has changed since this message went to Ola Nordmann" });
        await question.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send again", Exact = true }).ClickAsync();

        var again = await Eventually.GetAsync(
            () => api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=STORY-1&channel=email&text=Lagerveien 5"),
            j => j.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "sent"));
        var resent = again.GetProperty("items")[0];
        Assert.Equal("ola@example.com", resent.GetProperty("address").GetString());
        Assert.Equal(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, resent.GetProperty("sentBy").GetString());
        await Assertions.Expect(page.GetByTestId("delivery-stale")).ToHaveCountAsync(1); // the first one stays out of date; the new one is not
        var record = await api.GetFromJsonAsync<JsonElement>("/api/v1/records/order/STORY-1");
        var emails = record.GetProperty("deliveries").EnumerateArray().Where(d => d.GetProperty("channel").GetString() == "email").ToList();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, d => d.GetProperty("stale").GetBoolean());
    }
}
