using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Durability;

/// <summary>
/// A run waiting at a "wait for" step lives through kill -9: after the restart the task that got done goes its
/// "happened" way at once, and the one that did not is escalated exactly once, when its minute is up.
/// </summary>
[Collection(AppProcessesCollection.Name)]
public sealed class WaitForKillTests : AppFolderTests
{
    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task KilledWhileWaiting_AfterRestart_DoneGoesOn_AndTheOpenTaskIsEscalatedExactlyOnce()
    {
        DateTime waitBegan;
        await using var app = new AppProcess(Folder);
        await app.StartAsync();
        using (var api = app.CreateClient())
        {
            (await api.PutAsJsonAsync("/api/v1/flows/chase-open-tasks", new
            {
                name = "Chase open tasks",
                trigger = new { @event = "record.created", recordTypes = new[] { "task" } },
                steps = new object[]
                {
                    new { kind = "wait-for", id = "until-done", @for = "status", statuses = new[] { "done" }, amount = 1, unit = "minutes", happened = "thanks", timedOut = "chase" },
                    new { kind = "send", id = "chase", channels = new[] { "sms" }, template = "task-due-soon", recipients = new[] { "manager" }, next = "(end)" },
                    new { kind = "send", id = "thanks", channels = new[] { "inApp" }, template = "task-due-soon", recipients = new[] { "manager" } },
                },
            })).EnsureSuccessStatusCode();
            (await api.PostAsync("/api/v1/flows/chase-open-tasks/publish", null)).EnsureSuccessStatusCode();
            waitBegan = DateTime.UtcNow;
            foreach (var key in new[] { "KW-DONE", "KW-OPEN" })
            {
                (await api.PutAsJsonAsync($"/api/v1/records/task/{key}", new
                {
                    status = "open", title = $"Service {key}", assignees = new[] { "per" }, contacts = new { manager = "kari" },
                })).EnsureSuccessStatusCode();
            }

            await Eventually.GetAsync(() => ItemsAsync(api, "/api/v1/runs?flow=chase-open-tasks&status=waiting"), runs => runs.Count == 2);
        }

        app.Kill();
        await app.StartAsync();

        using var client = app.CreateClient();
        (await client.PutAsJsonAsync("/api/v1/records/task/KW-DONE", new
        {
            status = "done", title = "Service KW-DONE", assignees = new[] { "per" }, contacts = new { manager = "kari" },
        })).EnsureSuccessStatusCode();
        var thanks = await Eventually.GetAsync(() => ItemsAsync(client, "/api/v1/deliveries?flow=chase-open-tasks&recordKey=KW-DONE"), d => d.Count > 0);
        Assert.Equal("inApp", Assert.Single(thanks).GetProperty("channel").GetString());

        var chased = await Eventually.GetAsync(() => ItemsAsync(client, "/api/v1/deliveries?flow=chase-open-tasks&recordKey=KW-OPEN"), d => d.Count > 0, seconds: 120);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second SMS, if one were coming, would be queued by now
        chased = await ItemsAsync(client, "/api/v1/deliveries?flow=chase-open-tasks&recordKey=KW-OPEN");

        var sms = Assert.Single(chased);
        Assert.Equal(("sms", "kari"), (sms.GetProperty("channel").GetString(), sms.GetProperty("contactKey").GetString()));
        Assert.True(sms.GetProperty("createdAt").GetDateTime().ToUniversalTime() >= waitBegan.AddMinutes(1), "the SMS went before the minute was up");
        Assert.DoesNotContain(await ItemsAsync(client, "/api/v1/deliveries?flow=chase-open-tasks&recordKey=KW-DONE"), d => d.GetProperty("channel").GetString() == "sms");
        var runs = await ItemsAsync(client, "/api/v1/runs?flow=chase-open-tasks");
        Assert.Equal(["completed", "completed"], runs.Select(r => r.GetProperty("status").GetString()));
    }
}
