using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An admin disables a flow (choosing what happens to its waiting run), enables it again, and deletes it, each after a question.</summary>
public sealed class FlowSwitchesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task Disable_CancellingTheWaitingRun_ThenEnable_ThenDelete()
    {
        using var api = browser.App.CreateApiClient();
        var flow = new
        {
            name = "Collected follow-up",
            trigger = new { @event = "record.status_changed", recordTypes = new[] { "order" }, toStatuses = new[] { "collected" } },
            steps = new object[]
            {
                new { kind = "delay", id = "a-day", amount = 1, unit = "days" },
                new { kind = "send", id = "ask", channels = new[] { "inApp" }, template = "order-ready", recipients = new[] { "customer" } },
            },
        };
        (await api.PutAsJsonAsync("/api/v1/flows/collected-follow-up", flow)).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/flows/collected-follow-up/publish", null)).EnsureSuccessStatusCode();
        await api.PutAsJsonAsync("/api/v1/records/order/SWB-1", new { status = "new", contacts = new { customer = "ola" } });
        await api.PutAsJsonAsync("/api/v1/records/order/SWB-1", new { status = "collected", contacts = new { customer = "ola" } });

        var page = await browser.OpenAsync("/flows/collected-follow-up");
        await page.GetByTestId("flow-more").ClickAsync();
        await page.GetByTestId("flow-disable").ClickAsync();
        await Assertions.Expect(page.GetByText("1 run is waiting")).ToBeVisibleAsync(Patient);
        await page.GetByText("Cancel it: nothing more goes out").ClickAsync();
        await page.GetByTestId("confirm-disable").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-disabled")).ToBeVisibleAsync(Patient);
        var run = (await api.GetFromJsonAsync<JsonElement>("/api/v1/runs?flow=collected-follow-up")).GetProperty("items")[0];
        Assert.Equal("cancelled", run.GetProperty("status").GetString());

        await page.GetByTestId("flow-more").ClickAsync();
        await page.GetByTestId("flow-enable").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-disabled")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        Assert.False((await api.GetFromJsonAsync<JsonElement>("/api/v1/flows/collected-follow-up")).GetProperty("disabled").GetBoolean());

        await page.GetByTestId("flow-more").ClickAsync();
        await page.GetByTestId("flow-delete").ClickAsync();
        await Assertions.Expect(page.GetByText("Delete 'Collected follow-up'?")).ToBeVisibleAsync(Patient);
        var question = page.GetByText("Delete 'Collected follow-up'?");
        for (var attempt = 1; ; attempt++)
        {
            // A click on a dialog that is still opening can be lost on a busy machine: click again only while it is still there.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete", Exact = true }).ClickAsync();
            try
            {
                await Assertions.Expect(question).ToHaveCountAsync(0, new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await page.WaitForURLAsync(url => url.EndsWith("/flows", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Order ready").First).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByText("Collected follow-up", new() { Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/flows/collected-follow-up")).StatusCode);
    }
}
