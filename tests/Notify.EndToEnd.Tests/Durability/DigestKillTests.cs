using System.Net.Http.Json;
using System.Text.Json;
using Notify.Tests.Shared;

namespace Notify.EndToEnd.Tests.Durability;

/// <summary>A digest collecting when the app is killed (SIGKILL) goes out after the restart, once, listing everything it collected.</summary>
[Collection(AppProcessesCollection.Name)]
public sealed class DigestKillTests : AppFolderTests
{
    private static async Task<List<JsonElement>> DigestsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?flow=task-digest")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task KilledMidWindow_AfterRestart_OneMessageListsAllThree()
    {
        await using var app = new AppProcess(Folder);
        await app.StartAsync();
        using (var api = app.CreateClient())
        {
            (await api.PutAsJsonAsync("/api/v1/templates/task-digest", new
            {
                name = "Task digest",
                content = new { inApp = "{{ digest.count }} new: {% for e in digest.events %}{{ e.record.title }}{% unless forloop.last %}, {% endunless %}{% endfor %}" },
            })).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync("/api/v1/flows/task-digest", new
            {
                name = "Task digest",
                trigger = new { @event = "record.created", recordTypes = new[] { "task" } },
                steps = new object[]
                {
                    new { kind = "send", id = "tell", channels = new[] { "inApp" }, template = "task-digest", recipients = new[] { "assignees" },
                        digest = new { window = new { amount = 1, unit = "minutes" } } },
                },
            })).EnsureSuccessStatusCode();
            (await api.PostAsync("/api/v1/flows/task-digest/publish", null)).EnsureSuccessStatusCode();
            foreach (var key in new[] { "DK-1", "DK-2", "DK-3" })
            {
                (await api.PutAsJsonAsync($"/api/v1/records/task/{key}", new { status = "open", title = $"Fix {key}", assignees = new[] { "per" } })).EnsureSuccessStatusCode();
            }

            await Eventually.GetAsync(async () => (await api.GetFromJsonAsync<JsonElement>("/api/v1/runs?flow=task-digest&status=completed")).GetProperty("total").GetInt32(),
                n => n == 3);
            Assert.Empty(await DigestsAsync(api)); // collected, not sent
        }

        app.Kill();
        await app.StartAsync();

        using var client = app.CreateClient();
        await Eventually.GetAsync(() => DigestsAsync(client), d => d.Count > 0, seconds: 120);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second digest, if one were coming, would be queued by now

        var digest = Assert.Single(await DigestsAsync(client));
        Assert.Equal(("inApp", "per"), (digest.GetProperty("channel").GetString(), digest.GetProperty("contactKey").GetString()));
        Assert.Equal("3 new: Fix DK-1, Fix DK-2, Fix DK-3", digest.GetProperty("body").GetString());
    }
}
