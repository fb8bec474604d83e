using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Messages;

/// <summary>POST /api/v1/messages: a manual send to contacts, a group and typed numbers, each entry checked on its own.</summary>
public class MessagesApiTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private async Task<int> ManualDeliveriesAsync(string text)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        return await db.Deliveries.CountAsync(d => d.DeliveryKey.StartsWith("manual:") && d.Body == text);
    }

    [Fact]
    public async Task ToAContactAGroupAndTwoNumbers_EachIsADelivery_AndConsentIsKept()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/messages", new
        {
            to = new[] { "contact:ola", "group:field", "48376587;+47 41234567" },
            channels = new[] { "sms" },
            text = "The road to the site is closed today; use the north gate.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(4, json.GetProperty("recipients").GetInt32()); // Ola, Per and the two numbers; Anna has not agreed to SMS
        Assert.Equal(4, json.GetProperty("segments").GetInt32());
        Assert.Equal(4, json.GetProperty("deliveries").GetArrayLength());
        var skipped = Assert.Single(json.GetProperty("skipped").EnumerateArray());
        Assert.Equal("Anna Berg", skipped.GetProperty("recipient").GetString());
        Assert.Contains("has not agreed to SMS", skipped.GetProperty("reason").GetString());
        var sent = await Eventually.GetAsync(
            async () => await JsonAsync(await Api.GetAsync("/api/v1/deliveries?channel=sms&text=north gate")),
            j => j.GetProperty("items").EnumerateArray().Count(d => d.GetProperty("status").GetString() == "sent") == 4);
        var addresses = sent.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("status").GetString() == "sent")
            .Select(d => d.GetProperty("address").GetString()).Order().ToList();
        Assert.Equal(["+4741234567", "+4748376587", "+4791234567", "+4791456789"], addresses);
    }

    [Fact]
    public async Task OneBadNumberInTheList_Is400NamingThatEntry_AndNothingIsSent()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/messages", new
        {
            to = new[] { "contact:ola", "48376587;1234;41234567" },
            channels = new[] { "sms" },
            text = "Nothing of this may go out.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("'1234' is not a valid phone number", Assert.Single(errors["to[1]"]));
        Assert.Equal(0, await ManualDeliveriesAsync("Nothing of this may go out."));
    }

    [Fact]
    public async Task TextOf1501Characters_Is400NamingTheText_And1500Goes()
    {
        var tooLong = await Api.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "contact:ola" }, channels = new[] { "inApp" }, text = new string('a', 1501) });
        var atTheLimit = await Api.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "contact:ola" }, channels = new[] { "inApp" }, text = new string('b', 1500) });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["at most 1,500 characters; this one has 1,501."], (await ProblemErrorsAsync(tooLong))["text"]);
        Assert.Equal(0, await ManualDeliveriesAsync(new string('a', 1501)));
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.Equal(1, await ManualDeliveriesAsync(new string('b', 1500)));
    }

    [Fact]
    public async Task WrongChannelSenderSubjectAndRecord_AreEachNamed()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/messages", new
        {
            to = new[] { "email:someone@example.com", "contact:nobody", "fax:123" },
            channels = new[] { "email", "pigeon" },
            text = "Hello",
            sender = "Anything",
            record = new { type = "order", key = "NO-SUCH-ORDER" },
        });

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["channels[1]", "record", "sender", "subject", "to[1]", "to[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_SendsOnce_AndAnswersTheSame()
    {
        async Task<JsonElement> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages")
            {
                Content = JsonContent.Create(new { to = new[] { "contact:kari" }, channels = new[] { "email" }, subject = "Key", text = "Sent once by key." }),
            };
            request.Headers.Add("Idempotency-Key", "manual-once-1");
            return await JsonAsync(await Api.SendAsync(request));
        }

        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Equal(first.GetProperty("deliveries").ToString(), second.GetProperty("deliveries").ToString());
        Assert.Equal(1, await ManualDeliveriesAsync("Sent once by key."));
    }

    [Fact]
    public async Task AContactWithTwoPhonesForNotifications_GetsItAtBoth_AsOnePerson()
    {
        (await Api.PutAsJsonAsync("/api/v1/contacts/two-phones", new
        {
            name = "Two Phones",
            consent = new { sms = true },
            phones = new object[] { new { value = "+47 915 11 222", notify = true }, new { value = "+47 922 33 444", label = "work", notify = true }, "+47 933 44 555" },
        })).EnsureSuccessStatusCode();

        var json = await JsonAsync(await Api.PostAsJsonAsync("/api/v1/messages", new { to = new[] { "contact:two-phones" }, channels = new[] { "sms" }, text = "At both phones." }));

        Assert.Equal(1, json.GetProperty("recipients").GetInt32());
        Assert.Equal(2, json.GetProperty("segments").GetInt32());
        Assert.Equal(2, json.GetProperty("deliveries").GetArrayLength());
        Assert.Equal(2, await ManualDeliveriesAsync("At both phones."));
    }
}
