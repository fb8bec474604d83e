using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>A manual SMS to two people and a typed number, with the segments and the cost shown before anything is sent.</summary>
public sealed class SendMessageBrowserTests(SendMessageBrowserTests.PricedFixture browser) : IClassFixture<SendMessageBrowserTests.PricedFixture>
{
    /// <summary>The app with a price per SMS segment and a company sender name.</summary>
    public sealed class PricedFixture : BrowserFixture
    {
        protected override async Task<Dictionary<string, string?>> SettingsAsync()
        {
            var settings = await base.SettingsAsync();
            settings["Notify:Sms:PricePerSegment"] = "0.50";
            settings["Notify:Sms:SenderName"] = "Verksted";
            return settings;
        }
    }

    private static async Task AddAsync(IPage page, string search, string option)
    {
        await page.Locator("input[data-testid=message-people]").FillAsync(search);
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-chips")).ToContainTextAsync(option);
    }

    [Fact]
    public async Task SmsToTwoPeopleAndANumber_ShowsTheCostFirst_ThenSendsThree()
    {
        var page = await browser.OpenAsync("/messages/new");
        await AddAsync(page, "Ola", "Ola Nordmann (ola)");
        await AddAsync(page, "Kari", "Kari Hansen (kari)");
        await page.Locator("input[data-testid=message-numbers]").FillAsync("48376587");
        await page.Locator("textarea[data-testid=message-text]").FillAsync("The workshop closes at 14:00 on Friday.");
        await page.GetByTestId("message-sender").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Verksted" }).ClickAsync();

        var summary = page.GetByTestId("message-summary-line");
        await Assertions.Expect(summary).ToHaveTextAsync("Goes to 3 people: 3 SMS (3 segments, 1.50 NOK).");
        await Assertions.Expect(page.GetByTestId("message-plan-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("message-sms-info")).ToContainTextAsync("GSM-7 · 1 segment per SMS");
        await using (var db = await Db().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Deliveries.CountAsync(d => d.Body == "The workshop closes at 14:00 on Friday."));
        }

        await page.GetByTestId("message-send").ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "Send it now?" });
        await Assertions.Expect(question).ToContainTextAsync("3 SMS (3 segments, 1.50 NOK)");
        await question.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("message-sent")).ToContainTextAsync("Sent to 3 people");
        await using var check = await Db().CreateDbContextAsync();
        var sent = await check.Deliveries.Where(d => d.Body == "The workshop closes at 14:00 on Friday.").ToListAsync();
        Assert.Equal(["+4748376587", "+4791234567", "+4791345678"], sent.Select(d => d.Address).Order());
        Assert.All(sent, d => Assert.Equal(Channel.Sms, d.Channel));
        Assert.All(sent, d => Assert.Equal("Verksted", d.Sender));
        Assert.All(sent, d => Assert.Equal(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, d.SentBy));

        var log = await browser.OpenAsync("/deliveries");
        await log.Locator("input[data-testid=delivery-search]").FillAsync("workshop closes");
        await Assertions.Expect(log.GetByTestId("delivery-sent-by")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(log.GetByTestId("delivery-sent-by").First).ToHaveTextAsync($"Sent by hand by {Notify.Tests.Shared.NotifyAppFactory.AdminEmail}");
    }

    [Fact]
    public async Task ABadNumber_IsMarkedUnderTheNumbersField_AndNothingCanBeSent()
    {
        var page = await browser.OpenAsync("/messages/new");
        await page.Locator("input[data-testid=message-numbers]").FillAsync("48376587;1234");
        await page.Locator("textarea[data-testid=message-text]").FillAsync("Should not go.");

        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error", new PageLocatorOptions { HasText = "'1234' is not a valid phone number" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("message-send")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("message-summary-empty")).ToContainTextAsync("Fix what is marked");
    }

    [Fact]
    public async Task FromARecord_EveryoneOnItIsAddedAtOnce_AndTheMessageIsTiedToIt()
    {
        using (var api = browser.App.CreateApiClient())
        {
            (await api.PutAsJsonAsync("/api/v1/records/task/MSG-T1",
                new { status = "open", title = "Replace filter", assignees = new[] { "per" }, contacts = new { manager = "kari" } })).EnsureSuccessStatusCode();
        }

        var page = await browser.OpenAsync("/records/task/MSG-T1");
        await page.GetByTestId("record-send-message").ClickAsync();
        await page.Locator("#notify-app[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("message-record")).ToHaveTextAsync("About task MSG-T1");
        await page.GetByTestId("message-add-record-people").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-chips")).ToContainTextAsync("Per Olsen (per)");
        await Assertions.Expect(page.GetByTestId("message-chips")).ToContainTextAsync("Kari Hansen (kari)");
        await page.Locator("input[data-testid=message-inapp]").TickAsync();
        await page.Locator("input[data-testid=message-sms]").UntickAsync();
        await page.Locator("textarea[data-testid=message-text]").FillAsync("The filter for MSG-T1 has arrived.");
        await Assertions.Expect(page.GetByTestId("message-summary-line")).ToHaveTextAsync("Goes to 2 people: 2 in-app messages.");
        await page.GetByTestId("message-send").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "Send it now?" })
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("message-sent")).ToContainTextAsync("Sent to 2 people");
        await using var db = await Db().CreateDbContextAsync();
        var sent = await db.Deliveries.Where(d => d.Body == "The filter for MSG-T1 has arrived.").ToListAsync();
        Assert.Equal(["kari", "per"], sent.Select(d => d.ContactKey).Order());
        Assert.All(sent, d => Assert.Equal(("task", "MSG-T1", Channel.InApp), (d.RecordType, d.RecordKey, d.Channel)));
    }

    [Fact]
    public async Task APersonWithTheirOwnNumber_MaySendFromIt_AndNextTimeItIsChosenAlready()
    {
        const string email = "marit@test.local", password = "Marit-Password-1";
        using (var scope = browser.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Notify.Workflows.Access.NotifyUser>>();
            var user = new Notify.Workflows.Access.NotifyUser { UserName = email, Email = email, DisplayName = "Marit", PhoneNumber = "900 11 223" };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, Notify.Workflows.Access.Roles.Admin);
        }

        var marit = await browser.SignInAsync(email, password);
        var page = await browser.OpenInAsync(marit, "/messages/new");
        await Assertions.Expect(page.Locator("input[data-testid=message-sender]")).ToHaveValueAsync("", new() { Timeout = 30_000 }); // nothing used yet
        await page.Locator("input[data-testid=message-numbers]").FillAsync("48376587");
        await page.Locator("textarea[data-testid=message-text]").FillAsync("Your car is ready; call me back on this number.");
        await page.GetByTestId("message-sender").ClickAsync();
        // The company's name and the person's own number; never a field to type a sender into.
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Verksted (the company's name)" }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "+4790011223 (your own number)" }).ClickAsync();
        await page.GetByTestId("message-send").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Filter(new LocatorFilterOptions { HasText = "Send it now?" })
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message-sent")).ToContainTextAsync("Sent to 1 person", new() { Timeout = 30_000 });

        var again = await browser.OpenInAsync(marit, "/messages/new");

        await Assertions.Expect(again.Locator("input[data-testid=message-sender]")).ToHaveValueAsync("+4790011223 (your own number)", new() { Timeout = 30_000 });
        await Assertions.Expect(again.GetByText("You used +4790011223 last time")).ToBeVisibleAsync();
        await using var db = await Db().CreateDbContextAsync();
        var sent = await db.Deliveries.SingleAsync(d => d.Body == "Your car is ready; call me back on this number.");
        Assert.Equal(("+4790011223", email), (sent.Sender, sent.SentBy));
    }

    private IDbContextFactory<NotifyDbContext> Db() => browser.App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
}
