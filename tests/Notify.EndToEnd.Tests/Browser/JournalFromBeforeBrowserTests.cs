using Microsoft.Playwright;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>
/// A run journaled before the journal moved into the run's row reads on the run page as it did: every line, in the
/// order written, with its time, step, decision and words.
/// </summary>
public sealed class JournalFromBeforeBrowserTests(JournalFromBeforeBrowserTests.OldDatabaseFixture browser)
    : IClassFixture<JournalFromBeforeBrowserTests.OldDatabaseFixture>
{
    [Fact]
    public async Task TheRunPage_ShowsTheOldJournal_LineByLine()
    {
        var page = await browser.OpenAsync($"/runs/{JournalFromBefore.RunWithLines}");
        var rows = page.GetByTestId("journal").Locator("tbody tr");

        await Assertions.Expect(rows).ToHaveCountAsync(JournalFromBefore.Lines.Count, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        Assert.Equal(JournalFromBefore.Lines.Select(l => l.Message.ReplaceLineEndings(" ")),
            (await page.GetByTestId("journal").Locator("td.journal-message").AllInnerTextsAsync()).Select(t => t.ReplaceLineEndings(" ")));
        Assert.Equal(["When", "still-ready", "tell-customer", "tell-customer"], await rows.Locator("td:nth-child(2)").AllInnerTextsAsync());
        Assert.Equal(["Condition met", "Condition met", "Messages queued", "Noted"], await rows.Locator("td:nth-child(3)").AllInnerTextsAsync());
        Assert.Equal("2026-11-30 08:59:58", await rows.Nth(0).Locator("td").First.InnerTextAsync()); // 07:59:58 UTC, in Oslo

        var empty = await browser.OpenAsync($"/runs/{JournalFromBefore.RunWithout}");
        await Assertions.Expect(empty.GetByTestId("run-outcome")).ToContainTextAsync("Sent", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(empty.GetByTestId("journal").Locator("tbody tr")).ToHaveCountAsync(0);
    }

    /// <summary>The app started on a SQLite file the release before the compact journal wrote.</summary>
    public sealed class OldDatabaseFixture : BrowserFixture
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));

        protected override async Task<Dictionary<string, string?>> SettingsAsync()
        {
            Directory.CreateDirectory(_folder);
            var old = TestDatabase.Settings(_folder);
            await JournalFromBefore.CreateAsync(old);
            var settings = await base.SettingsAsync();
            foreach (var (key, value) in old)
            {
                settings[key] = value;
            }

            return settings;
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, true);
            }
        }
    }
}
