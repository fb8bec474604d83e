using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>Recipients by contact role on the record itself (several contacts to a role) and on the records it links (Avista's dynamic recipients).</summary>
public sealed class LinkedRecipientsTests
{
    private static FlowDefinition TellOnCreate(params string[] recipients) => new()
    {
        Name = "Order made",
        Trigger = new TriggerDefinition { Event = EventTypes.Created, RecordTypes = ["order"] },
        Steps = [new SendStepDefinition { Id = "tell", Channels = ["email"], Template = "order-ready", Recipients = [.. recipients] }],
    };

    private static Task UpsertAsync(EngineHarness engine, string type, string key, Dictionary<string, string> contacts, Dictionary<string, string>? links = null) =>
        engine.Ingest.UpsertRecordAsync(type, key, new RecordState { Status = "new", Contacts = contacts, Links = links ?? [] }, CancellationToken.None);

    private static async Task<List<string>> SentToAsync(EngineHarness engine, string key) =>
        (await engine.DeliveriesAsync("order", key)).Where(d => d.Status == DeliveryStatus.Sent).Select(d => d.Address).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task LinkRole_ReachesEveryContactWithThatRoleOnTheLinkedCustomer_EachTheirOwnDelivery()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("order-made", TellOnCreate("link:customer/notification-recipient"));
        await UpsertAsync(engine, "customer", "ACME", new() { ["notification-recipient"] = RoleContacts.Join(["kari", "ola"]), ["invoice"] = "per" });

        await UpsertAsync(engine, "order", "L-1", new() { ["customer"] = "anna" }, new() { ["customer"] = "customer/ACME" });
        await engine.RunAllAsync();

        Assert.Equal(["kari@example.com", "ola@example.com"], await SentToAsync(engine, "L-1"));
    }

    [Fact]
    public async Task SeveralContactsOnOneRole_EachGetsTheMessage()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("order-made", TellOnCreate("customer"));

        await UpsertAsync(engine, "order", "L-2", new() { ["customer"] = RoleContacts.Join(["ola", "per", "ola"]) });
        await engine.RunAllAsync();

        Assert.Equal(["ola@example.com", "per@example.com"], await SentToAsync(engine, "L-2"));
    }

    [Theory]
    [InlineData("link:contract/signer", "the record has no 'contract' link")]
    [InlineData("link:customer/plumber", "the linked customer 'ACME' has no 'plumber' contact")]
    [InlineData("link:customer", "names no role")]
    public async Task LinkThatMatchesNobody_SaysWhyInTheJournal(string recipient, string why)
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("order-made", TellOnCreate(recipient));
        await UpsertAsync(engine, "customer", "ACME", new() { ["notification-recipient"] = "kari" });

        await UpsertAsync(engine, "order", "L-3", [], new() { ["customer"] = "customer/ACME" });
        await engine.RunAllAsync();

        var run = Assert.Single(await engine.RunsAsync("order", "L-3"), r => r.FlowKey == "order-made");
        Assert.Equal(RunStatus.NobodyReached, run.Status);
        Assert.Contains(await engine.JournalAsync(run.Id), j => j.StepId == "tell" && j.Message.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkToARecordNotYetPushed_SaysSo_AndReachesItsContactsOnceItIsThere()
    {
        await using var engine = await EngineHarness.StartWithFlowAsync("order-made", TellOnCreate("link:customer/notification-recipient"));

        await UpsertAsync(engine, "order", "L-4", [], new() { ["customer"] = "customer/LATER" });
        await engine.RunAllAsync();
        await UpsertAsync(engine, "customer", "LATER", new() { ["notification-recipient"] = "per" });
        await UpsertAsync(engine, "order", "L-5", [], new() { ["customer"] = "customer/LATER" });
        await engine.RunAllAsync();

        var first = Assert.Single(await engine.RunsAsync("order", "L-4"), r => r.FlowKey == "order-made");
        Assert.Contains(await engine.JournalAsync(first.Id), j => j.Message.Contains("the linked customer 'LATER' is not known", StringComparison.Ordinal));
        Assert.Equal(["per@example.com"], await SentToAsync(engine, "L-5"));
    }
}
