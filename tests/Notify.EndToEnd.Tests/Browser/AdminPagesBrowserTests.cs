using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Notify.EndToEnd.Tests.Browser;

public sealed class AdminPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ReadyCondition = "record.Status == \\\"ready\\\"";
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task Contact_InvalidPhoneIsFlaggedAtTheField_ThenSaved_ThenDeletedAfterConfirming()
    {
        var page = await browser.OpenAsync("/contacts");
        await page.GetByTestId("new-contact").ClickAsync();
        await page.Locator("input[data-testid=contact-key]").FillAsync("mona");
        await page.Locator("input[data-testid=contact-name]").FillAsync("Mona Vik");
        await page.Locator("input[data-testid=contact-phone-0]").FillAsync("12");
        await page.GetByTestId("save-contact").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error", new PageLocatorOptions { HasText = "'12' is not a valid phone number" }))
            .ToBeVisibleAsync(Patient);

        await page.Locator("input[data-testid=contact-phone-0]").FillAsync("915 11 222");
        await page.GetByTestId("contact-phone-add").ClickAsync();
        await page.Locator("input[data-testid=contact-phone-1]").FillAsync("+47 922 33 444");
        await page.Locator("input[data-testid=contact-phone-1-label]").FillAsync("work");
        await page.GetByTestId("contact-phone-0-notify").ClickAsync();
        await page.GetByTestId("contact-phone-1-notify").ClickAsync();
        await page.GetByTestId("save-contact").ClickAsync();
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "Mona Vik" });
        await Assertions.Expect(row).ToContainTextAsync("+4791511222", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        using (var api = browser.App.CreateApiClient())
        {
            var mona = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/contacts/mona");
            var phones = mona.GetProperty("phones").EnumerateArray().ToList();
            Assert.Equal(["+4791511222", "+4792233444"], phones.Select(p => p.GetProperty("value").GetString()));
            Assert.All(phones, p => Assert.True(p.GetProperty("notify").GetBoolean()));
            Assert.Equal("work", phones[1].GetProperty("label").GetString());
            Assert.True(phones[0].GetProperty("primary").GetBoolean());
        }


        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete Mona Vik" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Template_LiquidErrorIsShownNextToTheField_AndNothingIsSaved()
    {
        var page = await browser.OpenAsync("/templates/order-ready");
        var sms = page.Locator("textarea[data-testid=template-sms]");
        await Assertions.Expect(sms).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("ready for pick-up"));

        await sms.FillAsync("Hi {{ recipient.first_name }} {% nope %}");
        await page.GetByTestId("save-template").ClickAsync();

        await Assertions.Expect(page.GetByTestId("template-languages").GetByText("line 1, column 31")).ToBeVisibleAsync(Patient);
        var page2 = await browser.OpenAsync("/templates/order-ready");
        await Assertions.Expect(page2.Locator("textarea[data-testid=template-sms]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("ready for pick-up"));
    }

    [Fact]
    public async Task Flow_BadConditionIsRefused_GoodOneSaved_ThenPublishedAfterConfirming()
    {
        var page = await browser.OpenAsync("/flows/order-ready");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "JSON (advanced)" }).ClickAsync();
        var json = page.Locator("textarea[data-testid=flow-json]");
        var original = await json.InputValueAsync();
        Assert.Contains(ReadyCondition, original);

        await json.FillAsync(original.Replace(ReadyCondition, "record.Status == "));
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-errors")).ToContainTextAsync("steps[0].expression: position", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        await json.FillAsync(original.Replace(ReadyCondition, ReadyCondition + " && !record.IsDone"));
        await page.GetByTestId("save-flow").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unpublished")).ToBeVisibleAsync(Patient);

        await page.PublishAsync(2);
        await Assertions.Expect(page.GetByTestId("unpublished")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Runs_OpeningARun_ShowsItsJournal()
    {
        var page = await browser.OpenAsync("/runs");
        await page.Locator("tr", new PageLocatorOptions { HasText = "order-ready" }).First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("still-ready", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("2 queued, 0 skipped");
    }

    [Fact]
    public async Task Record_WhichFlowsRan_ExplainsEachFlow()
    {
        var page = await browser.OpenAsync("/records/order/AO1000");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = "Status changed" });

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Which flows ran?" }).ClickAsync();

        var table = page.GetByTestId("explain");
        await Assertions.Expect(table).ToContainTextAsync("Order ready", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(table).ToContainTextAsync("Ran to the end");
        await Assertions.Expect(table).ToContainTextAsync("listens for record.deadline");
    }

    [Fact]
    public async Task ContactRoles_ARoleSentByMistakeIsNotOffered_UntilItIsDeclared()
    {
        using (var api = browser.App.CreateApiClient())
        {
            (await api.PutAsJsonAsync("/api/v1/records/order/ROLE-TYPO", new { status = "new", contacts = new { custmer = "ola", payer = "kari" } })).EnsureSuccessStatusCode();
        }

        var flow = await browser.OpenAsync("/flows/order-ready");
        await flow.GetByTestId("outline-tell-customer").ClickAsync();
        await Assertions.Expect(flow.Locator("input[data-testid=step-1-to-customer]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(flow.Locator("input[data-testid=step-1-to-custmer]")).ToHaveCountAsync(0);
        await Assertions.Expect(flow.Locator("input[data-testid=step-1-to-payer]")).ToHaveCountAsync(0);

        var page = await browser.OpenAsync("/record-types");
        await Assertions.Expect(page.Locator("input[data-testid=roles-order]")).ToHaveValueAsync("customer");
        await Assertions.Expect(page.GetByTestId("undeclared-order-custmer")).ToBeVisibleAsync(Patient);
        await page.GetByTestId("undeclared-order-payer").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=roles-order]")).ToHaveValueAsync("customer, payer");
        await browser.SaveScreenshotAsync(page, "record-types-roles");
        await page.GetByTestId("save-order").ClickAsync();
        await Assertions.Expect(page.GetByText("order records are done when")).ToBeVisibleAsync(Patient);

        var again = await browser.OpenAsync("/flows/order-ready");
        await again.GetByTestId("outline-tell-customer").ClickAsync();
        await Assertions.Expect(again.Locator("input[data-testid=step-1-to-payer]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(again.Locator("input[data-testid=step-1-to-custmer]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RecordTypes_DoneStatusesCanBeChanged()
    {
        var page = await browser.OpenAsync("/record-types");
        var done = page.Locator("input[data-testid=done-task]");
        await Assertions.Expect(done).ToHaveValueAsync("done, cancelled");

        await done.FillAsync("done, cancelled, archived");
        await page.GetByTestId("save-task").ClickAsync();
        await Assertions.Expect(page.GetByText("task records are done when their status is done or cancelled or archived")).ToBeVisibleAsync(Patient);

        var again = await browser.OpenAsync("/record-types");
        await Assertions.Expect(again.Locator("input[data-testid=done-task]")).ToHaveValueAsync("done, cancelled, archived");
    }

    [Fact]
    public async Task ApiKey_CreatedShownOnceWorksThenRevoked()
    {
        var page = await browser.OpenAsync("/settings/api-keys");
        await page.GetByTestId("new-key").ClickAsync();
        await page.Locator("input[data-testid=key-name]").FillAsync("Order system");
        await page.GetByTestId("create-key").ClickAsync();

        var shown = page.Locator("input[data-testid=created-key]");
        await Assertions.Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ntf_"), new LocatorAssertionsToHaveValueOptions { Timeout = 30_000 });
        var key = await shown.InputValueAsync();
        using var client = browser.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var put = await client.PutAsync("/api/v1/records/order/KEY-1", new StringContent("{\"status\":\"new\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke Order system" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-keys")).ToContainTextAsync("revoked", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        var refused = await client.PutAsync("/api/v1/records/order/KEY-1", new StringContent("{\"status\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        var audit = await browser.OpenAsync("/settings/audit");
        var row = audit.Locator("tr", new PageLocatorOptions { HasText = "Order system" }).Filter(new LocatorFilterOptions { HasText = "revoked" });
        await Assertions.Expect(row).ToContainTextAsync(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row).Not.ToContainTextAsync("no sign-in");
    }

    [Fact]
    public async Task SignOut_FromTheMenu_EndsTheSession_WhileAPostWithoutThePagesTokenDoesNot()
    {
        var context = await browser.SignInAsync(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, Notify.Tests.Shared.NotifyAppFactory.AdminPassword);
        var page = await browser.OpenInAsync(context, "/flows");

        var forged = await context.APIRequest.PostAsync("/account/logout"); // what another site's form would send: the cookie, no token
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(Notify.Tests.Shared.NotifyAppFactory.AdminEmail, new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        await page.GotoAsync("/flows");

        Assert.Equal(400, forged.Status);
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        await context.CloseAsync();
    }

    [Fact]
    public async Task AuditLog_ShowsAChangeAsBeforeAndAfter_FilteredByWho()
    {
        using (var api = browser.App.CreateApiClient())
        {
            await api.PutAsJsonAsync("/api/v1/record-types/crane", new { name = "Crane", doneStatuses = new[] { "done" } });
            await api.PutAsJsonAsync("/api/v1/record-types/crane", new { name = "Crane jobs", doneStatuses = new[] { "done" } });
        }

        var audit = await browser.OpenAsync("/settings/audit");
        await audit.Locator("input[data-testid=audit-actor]").FillAsync("bootstrap");
        var row = audit.GetByTestId("audit-grid").Locator("tr", new LocatorLocatorOptions { HasText = "crane" }).Filter(new LocatorFilterOptions { HasText = "changed" });
        await Assertions.Expect(row.GetByTestId("audit-changes")).ToHaveTextAsync("name: Crane → Crane jobs", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("record type");

        await audit.WaitForURLAsync(url => url.Contains("actor=bootstrap", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        var reopened = await browser.OpenAsync(new Uri(audit.Url).PathAndQuery);
        await Assertions.Expect(reopened.Locator("input[data-testid=audit-actor]")).ToHaveValueAsync("bootstrap", new LocatorAssertionsToHaveValueOptions { Timeout = 30_000 });

        await audit.Locator("input[data-testid=audit-actor]").FillAsync("somebody else");
        await Assertions.Expect(audit.GetByText("No changes match.")).ToBeVisibleAsync(Patient);
    }
}
