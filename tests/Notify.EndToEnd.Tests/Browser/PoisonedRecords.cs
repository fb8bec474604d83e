using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;
using Notify.Workflows.Steps.Send;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>Makes the real send step throw for the record keys listed here, until they are taken off the list (the cause fixed).</summary>
public static class PoisonedRecords
{
    public static ConcurrentDictionary<string, bool> Keys { get; } = new(StringComparer.Ordinal);

    public static void Install(IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IStep) && d.ImplementationType == typeof(SendStep)));
        services.AddSingleton<IStep>(sp => new Poisoned(ActivatorUtilities.CreateInstance<SendStep>(sp)));
    }

    private sealed class Poisoned(SendStep inner) : IStep
    {
        public string Kind => inner.Kind;

        public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct) =>
            Keys.ContainsKey(context.Record.Key)
                ? throw new InvalidOperationException("the message service is down")
                : inner.ExecuteAsync(context, definition, ct);
    }
}
