using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Definitions;
using Notify.Workflows.Steps;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Tests.Runtime;

/// <summary>The real send step, made to throw (as a lost database connection would) on its next calls, or always for some records.</summary>
public sealed class ThrowingSendStep
{
    public int FailuresLeft { get; set; }

    /// <summary>Records whose key starts with this always throw: poison.</summary>
    public string? PoisonPrefix { get; set; }

    public int Calls { get; private set; }

    public void Install(IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ImplementationType == typeof(SendStep)));
        services.AddSingleton<IStep>(sp => new Step(this, ActivatorUtilities.CreateInstance<SendStep>(sp)));
    }

    private sealed class Step(ThrowingSendStep owner, SendStep inner) : IStep
    {
        public string Kind => inner.Kind;

        public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
        {
            owner.Calls++;
            if (owner.PoisonPrefix is { } prefix && context.Record.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the step cannot handle {context.Record.Key}");
            }

            if (owner.FailuresLeft > 0)
            {
                owner.FailuresLeft--;
                throw new InvalidOperationException("connection lost");
            }

            return inner.ExecuteAsync(context, definition, ct);
        }
    }
}
