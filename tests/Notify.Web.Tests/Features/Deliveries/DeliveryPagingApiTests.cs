using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Deliveries;

/// <summary>The send log over the API past ten thousand matches: the count stops and says so, and the 'next' cursor pages through in order.</summary>
public sealed class DeliveryPagingApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task MoreThanTheCap_IsCountedToTheCapAndSaidSo_FewerAreCountedExactly()
    {
        await StoreAsync("paging-many", DeliveryQueryService.CountCap + 40);
        await StoreAsync("paging-few", 37);

        var many = await JsonAsync(await Api.GetAsync("/api/v1/deliveries?flow=paging-many&pageSize=5"));
        var few = await JsonAsync(await Api.GetAsync("/api/v1/deliveries?flow=paging-few&pageSize=5"));

        Assert.Equal((DeliveryQueryService.CountCap, true), (many.GetProperty("total").GetInt32(), many.GetProperty("totalIsCapped").GetBoolean()));
        Assert.Equal((37, false), (few.GetProperty("total").GetInt32(), few.GetProperty("totalIsCapped").GetBoolean()));
    }

    [Fact]
    public async Task TheNextCursor_PagesThroughNewestFirst_WithNoneTwiceAndNoneMissed()
    {
        var stored = await StoreAsync("paging-walk", 53);
        var expected = stored.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.Id).ToList();

        var seen = new List<Guid>();
        string? next = null;
        do
        {
            var page = await JsonAsync(await Api.GetAsync($"/api/v1/deliveries?flow=paging-walk&pageSize=10{(next is null ? "" : "&after=" + next)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            next = page.TryGetProperty("next", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        }
        while (next is not null && seen.Count < 1000);

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("after=nonsense", "after")]
    [InlineData("after=MTIzOmFiYw", "after")]
    [InlineData("after=NjM5MDAwMDAwMDAwMDAwMDAwOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw&page=2", "page")]
    public async Task ABadCursor_IsAProblemNamingTheField(string query, string field)
    {
        var response = await Api.GetAsync("/api/v1/deliveries?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ProblemErrorsAsync(response)).Keys);
    }

    /// <summary>Skipped deliveries of one flow, three to a second so the order has ties to break.</summary>
    private async Task<List<Delivery>> StoreAsync(string flow, int count)
    {
        var start = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, count).Select(i => Delivery.Skip(new DeliveryDraft
        {
            DeliveryKey = $"{flow}-{i}", Channel = Channel.Sms, FlowKey = flow, Address = $"+4740{i:D6}", RecipientName = "Ola Nordmann", Body = $"Melding {i}",
        }, "No SMS consent.", start.AddSeconds(i / 3))).ToList();
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        db.Deliveries.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }
}
