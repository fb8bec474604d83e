using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class RunActionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task FaultedRun_IsOnTheOverview_AndTriedAgainFromItsPageOnceTheCauseIsFixed_SendsItsMessages()
    {
        PoisonedRecords.Keys["POISON-1"] = true;
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/POISON-1", new { status = "new", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/POISON-1", new { status = "ready", contacts = new { customer = "ola" } })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open: Runs stopped with an error (retry or cancel)" }).ClickAsync();
        await page.Locator("tr", new PageLocatorOptions { HasText = "POISON-1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-faulted")).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("the message service is down");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("Stopped with an error");

        PoisonedRecords.Keys.TryRemove("POISON-1", out _); // the cause is fixed
        await page.GetByTestId("run-retry").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Try again" }).ClickAsync();

        var deliveries = await Eventually.GetAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?recordKey=POISON-1")).GetProperty("items").GetArrayLength(), n => n == 2);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-status=Completed]").First).ToBeVisibleAsync(Patient);
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync($"{NotifyAppFactory.AdminEmail} asked for the run to be tried again");
        Assert.Equal(2, deliveries);
    }

    [Fact]
    public async Task ARunThatReachedNobody_IsAWarningOnTheOverview_AndTheRunsFilterFindsIt()
    {
        using var api = browser.App.CreateApiClient();
        (await api.PutAsJsonAsync("/api/v1/records/order/UNREACHED-1", new { status = "new", contacts = new { customer = "nobody-known" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/records/order/UNREACHED-1", new { status = "ready", contacts = new { customer = "nobody-known" } })).EnsureSuccessStatusCode();

        var page = await browser.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open: Runs that reached nobody (last 24 hours)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=NobodyReached"));
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "UNREACHED-1" });
        await Assertions.Expect(row.Locator("[data-status=NobodyReached]")).ToHaveTextAsync("Completed, nobody reached", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-status=Completed]")).ToHaveCountAsync(0); // the filter shows only the warnings

        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("Nobody to send to", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("no contact with the key 'nobody-known'");
    }

    [Fact]
    public async Task RunFilters_AreKeptInTheAddress()
    {
        var page = await browser.OpenAsync("/runs");
        await page.GetByLabel("Flow key").FillAsync("order-ready");
        await page.WaitForURLAsync(url => url.Contains("flow=order-ready", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });

        var again = await browser.OpenAsync(new Uri(page.Url).PathAndQuery);

        await Assertions.Expect(again.GetByLabel("Flow key")).ToHaveValueAsync("order-ready", new LocatorAssertionsToHaveValueOptions { Timeout = 30_000 });
    }
}
