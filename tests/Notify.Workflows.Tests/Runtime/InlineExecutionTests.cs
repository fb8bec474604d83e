using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps;

namespace Notify.Workflows.Tests.Runtime;

public sealed class InlineExecutionTests
{
    [Fact]
    public async Task StepThrowsDuringTheUpsert_RecordIsStored_AndTheRunIsLeftWholeForTheWorker()
    {
        var flaky = new FlakySendStep();
        await using var engine = await EngineHarness.StartAsync(configure: services =>
        {
            var send = services.Single(d => d.ImplementationType == typeof(SendStep));
            services.Remove(send);
            services.AddSingleton<IStep>(sp => flaky.Wrap(ActivatorUtilities.CreateInstance<SendStep>(sp)));
        });
        await engine.Ingest.UpsertRecordAsync("order", "IX1", Order("new"), CancellationToken.None);
        flaky.FailuresLeft = 1;

        var result = await engine.Ingest.UpsertRecordAsync("order", "IX1", Order("ready"), CancellationToken.None);
        var afterUpsert = Assert.Single(await engine.RunsAsync("order", "IX1"));
        var journalAfterUpsert = await engine.JournalAsync(afterUpsert.Id);
        var deliveriesAfterUpsert = await engine.DeliveriesAsync("order", "IX1");
        await engine.RunAllAsync();

        Assert.Equal("ready", result.Record.Status);
        Assert.Equal(RunStatus.Running, afterUpsert.Status);
        Assert.Empty(journalAfterUpsert);
        Assert.Empty(deliveriesAfterUpsert);
        var run = Assert.Single(await engine.RunsAsync("order", "IX1"));
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, (await engine.DeliveriesAsync("order", "IX1")).Count);
        Assert.Equal(0, flaky.FailuresLeft);
    }

    private static RecordState Order(string status) => new()
    {
        Status = status, Title = "Summer tyres", Contacts = new Dictionary<string, string> { ["customer"] = "ola" },
    };

    /// <summary>The real send step, made to throw on its next calls as a broken database connection would.</summary>
    private sealed class FlakySendStep
    {
        public int FailuresLeft { get; set; }

        public IStep Wrap(SendStep inner) => new Step(this, inner);

        private sealed class Step(FlakySendStep owner, SendStep inner) : IStep
        {
            public string Kind => inner.Kind;

            public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
            {
                if (owner.FailuresLeft > 0)
                {
                    owner.FailuresLeft--;
                    throw new InvalidOperationException("connection lost");
                }

                return inner.ExecuteAsync(context, definition, ct);
            }
        }
    }
}
