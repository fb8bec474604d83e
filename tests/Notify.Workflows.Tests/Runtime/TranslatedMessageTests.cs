using Notify.Domain.Messaging;

namespace Notify.Workflows.Tests.Runtime;

public class TranslatedMessageTests
{
    [Fact]
    public async Task DueSoonReminder_ReachesEachAssigneeInTheirLanguage_FallingBackToTheTemplates()
    {
        await using var engine = await EngineHarness.StartAsync();

        await engine.UpsertTaskAsync("LANG-1", "open", engine.Clock.GetUtcNow().AddHours(2), "per", "anna");
        await engine.RunAllAsync();

        var inApp = (await engine.DeliveriesAsync("task", "LANG-1")).Where(d => d.Channel == Channel.InApp).ToList();
        Assert.StartsWith("'Task LANG-1' ska vara klar", Assert.Single(inApp, d => d.ContactKey == "anna").Body); // anna: sv
        Assert.StartsWith("'Task LANG-1' is due", Assert.Single(inApp, d => d.ContactKey == "per").Body); // per: nb, no nb text
    }
}
