using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Notify.Domain.Messaging;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Deliveries;

public class DeliveriesPageTests : BunitContext, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));

    public DeliveriesPageTests()
    {
        Directory.CreateDirectory(_folder);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddDbContextFactory<NotifyDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "n.db")}").AddSearchFunctions());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<Notify.Workflows.Runtime.DeliveriesWakeUp>();
        Services.AddSingleton<Notify.Workflows.Access.IActorAccessor, Notify.Workflows.Access.SystemActor>();
        Services.AddSingleton<Notify.Workflows.Access.AuditLog>();
        Services.AddSingleton(new Notify.Domain.Contacts.PhoneNumberNormalizer());
        Services.AddSingleton<DeliveryQueryService>();
        Services.Configure<Notify.Workflows.Retention.RetentionOptions>(o => o.Days = 90);
        Services.AddSingleton<Notify.Workflows.Retention.RetentionSweeper>();
    }

    public async Task InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        db.Deliveries.Add(Delivery.Queue(Draft("1", Channel.Email, "Ola Nordmann", "ola@example.com", "Your order AO462 is ready"), now));
        db.Deliveries.Add(Delivery.Skip(Draft("2", Channel.Sms, "Anna Berg", "+46701234567", "Order AO9 is ready"), "no SMS consent", now.AddSeconds(1)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Renders_DeliveriesWithRecipientAddressAndSkipReason()
    {
        var page = Render<DeliveriesPage>();
        RenderPopoverProvider();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("ola@example.com", page.Markup);
            Assert.Contains("Your order AO462 is ready", page.Markup);
            Assert.Contains("no SMS consent", page.Markup);
        });
    }

    [Fact]
    public void ThePage_SaysHowLongMessagesAreKept_AndHowFarBackItReaches()
    {
        var page = Render<DeliveriesPage>();

        page.WaitForAssertion(() => Assert.Matches(
            @"Messages are kept for 90 days, then deleted with their runs, events and replies; each record's page still counts what it had \(the audit log and consent history are always kept\)\. The oldest message here is from \d{4}-\d{2}-\d{2}\.",
            System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=retention-note]").TextContent, @"\s+", " ").Trim()));
    }

    [Fact]
    public void Search_WithNoMatch_ShowsTheFilteredEmptyState()
    {
        var page = Render<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Contains("ola@example.com", page.Markup));

        page.Find("input[data-testid=delivery-search], [data-testid=delivery-search] input").Input("no-such-text");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("No deliveries match these filters.", page.Markup);
            Assert.DoesNotContain("ola@example.com", page.Markup);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Search_ByText_KeepsOnlyMatchingRows()
    {
        var page = Render<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.Contains("ola@example.com", page.Markup));

        page.Find("input[data-testid=delivery-search], [data-testid=delivery-search] input").Input("AO9");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Anna Berg", page.Markup);
            Assert.DoesNotContain("ola@example.com", page.Markup);
        }, TimeSpan.FromSeconds(5));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private void RenderPopoverProvider() => Render<MudPopoverProvider>();

    private static DeliveryDraft Draft(string key, Channel channel, string name, string address, string body) => new()
    {
        DeliveryKey = key, Channel = channel, RecipientName = name, Address = address, Body = body, FlowKey = "order-ready",
        RecordType = "order", RecordKey = "AO462",
    };
}
