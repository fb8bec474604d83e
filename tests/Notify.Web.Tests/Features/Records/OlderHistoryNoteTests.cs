using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Notify.Web.Features.Records;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Records;

/// <summary>The record page's sentence about what retention deleted: every kind counted, in words, on the organisation's days.</summary>
public sealed class OlderHistoryNoteTests : BunitContext
{
    public OlderHistoryNoteTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddDbContextFactory<NotifyDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton(TimeProvider.System);
        Services.Configure<Notify.Workflows.Retention.RetentionOptions>(o => o.Days = 180);
        Services.Configure<Notify.Workflows.Organisation.OrganisationOptions>(o => o.TimeZone = "Europe/Oslo");
        Services.AddSingleton<Notify.Workflows.Retention.RetentionSweeper>();
    }

    [Fact]
    public void EveryKind_IsCounted_AndTheSpanIsInLocalDays()
    {
        var history = new OlderHistory(Messages: 9, Sms: 5, Emails: 1, InApp: 2, Webhooks: 1, Failed: 1, Skipped: 3, Runs: 4,
            From: new DateTime(2025, 1, 31, 23, 30, 0, DateTimeKind.Utc), To: new DateTime(2025, 6, 2, 8, 0, 0, DateTimeKind.Utc)) { Events = 6, Replies = 2 };

        Assert.Equal(
            "Older history: 9 messages (5 SMS, 1 email, 2 in-app messages, 1 webhook call; 1 failed, 3 left out or withdrawn), 4 runs, 6 events and 2 replies "
            + "from 2025-02-01 to 2025-06-02 were deleted after 180 days, as the retention setting says. The Overview's charts still count those messages.",
            Text(history));
    }

    [Fact]
    public void RunsAlone_OnOneDay_SaySo()
    {
        var at = new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
        var history = new OlderHistory(0, 0, 0, 0, 0, 0, 0, Runs: 1, From: at, To: at.AddHours(2));

        Assert.Equal("Older history: 1 run on 2025-03-03 was deleted after 180 days, as the retention setting says.", Text(history));
    }

    [Fact]
    public void AReplyAlone_IsOne_AndEventsAndRunsAreJoinedByAnd()
    {
        var at = new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal("Older history: 1 reply on 2025-03-03 was deleted after 180 days, as the retention setting says.",
            Text(new OlderHistory(0, 0, 0, 0, 0, 0, 0, Runs: 0, From: at, To: at) { Replies = 1 }));
        Assert.Equal("Older history: 2 runs and 3 events on 2025-03-03 were deleted after 180 days, as the retention setting says.",
            Text(new OlderHistory(0, 0, 0, 0, 0, 0, 0, Runs: 2, From: at, To: at) { Events = 3 }));
    }

    private string Text(OlderHistory history) =>
        Regex.Replace(Render<OlderHistoryNote>(p => p.Add(n => n.History, history)).Find("[data-testid=older-history]").TextContent, @"\s+", " ").Trim();
}
