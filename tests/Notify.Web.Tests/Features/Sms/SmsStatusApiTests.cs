using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Sms;

public sealed class SmsStatusApiTests : IDisposable
{
    private const string Token = "callback-token";
    private readonly NotifyAppFactory _app = new(seedDemo: false, new Dictionary<string, string?>
    {
        ["Notify:Sms:Twilio:AccountSid"] = "AC1",
        ["Notify:Sms:Twilio:AuthToken"] = Token,
        ["Notify:Sms:Twilio:BaseUrl"] = "http://127.0.0.1:9",
        ["Notify:Sms:Twilio:From"] = "+4759440000",
    });

    private async Task<Guid> SentSmsAsync(string sid, string? recordKey = null)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var delivery = Delivery.Queue(new DeliveryDraft
        {
            DeliveryKey = sid, Channel = Channel.Sms, Address = "+4791234567", Body = "Hi", RecordType = "order", RecordKey = recordKey, RecipientName = "Ola Nordmann",
        }, DateTime.UtcNow);
        delivery.MarkSending("twilio", DateTime.UtcNow);
        delivery.MarkSent(sid, DateTime.UtcNow);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task<Delivery> DeliveryAsync(Guid id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string? signature, string path = "/api/v1/sms/status")
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null) request.Headers.Add("X-Twilio-Signature", signature);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("undelivered", DeliveryStatus.Failed)]
    public async Task SignedCallback_MovesTheDelivery(string status, DeliveryStatus expected)
    {
        var id = await SentSmsAsync($"SM-{status}");
        var form = new Dictionary<string, string> { ["MessageSid"] = $"SM-{status}", ["MessageStatus"] = status, ["ErrorCode"] = "30003" };
        var signature = TwilioSignature.Compute("http://localhost/api/v1/sms/status", form, Token);

        var response = await PostAsync(form, signature);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var delivery = await DeliveryAsync(id);
        Assert.Equal(expected, delivery.Status);
        if (expected == DeliveryStatus.Failed) Assert.Contains("30003", delivery.Reason);
    }

    [Fact]
    public async Task BadSignature_Is403AndChangesNothing()
    {
        var id = await SentSmsAsync("SM-forged");
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM-forged", ["MessageStatus"] = "delivered" };
        var signature = TwilioSignature.Compute("http://localhost/api/v1/sms/status", form, "another-token");

        var response = await PostAsync(form, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DeliveryStatus.Sent, (await DeliveryAsync(id)).Status);
    }

    [Fact]
    public async Task MissingSignature_Is403()
    {
        var response = await PostAsync(new Dictionary<string, string> { ["MessageSid"] = "x", ["MessageStatus"] = "delivered" }, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task IncomingSms_IsThreadedOnTheRecordOfTheLastMessageToThatNumber()
    {
        await _app.CreateApiClient().PutAsync("/api/v1/records/order/REPLY-1",
            new StringContent("{\"status\":\"ready\"}", System.Text.Encoding.UTF8, "application/json"));
        await SentSmsAsync("SM-reply", "REPLY-1");
        var form = new Dictionary<string, string> { ["From"] = "+4791234567", ["To"] = "+4759440000", ["Body"] = "Can I pick it up tomorrow?", ["MessageSid"] = "SM-in-1" };
        var signature = TwilioSignature.Compute("http://localhost/api/v1/sms/inbound", form, Token);

        var response = await PostAsync(form, signature, "/api/v1/sms/inbound");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await _app.CreateApiClient().GetStringAsync("/api/v1/records/order/REPLY-1");
        Assert.Contains("Can I pick it up tomorrow?", record);
        Assert.Contains("Ola Nordmann", record);
    }

    [Fact]
    public async Task IncomingSms_WithoutSignature_Is403()
    {
        var response = await PostAsync(new Dictionary<string, string> { ["From"] = "+4791234567", ["Body"] = "x" }, null, "/api/v1/sms/inbound");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
