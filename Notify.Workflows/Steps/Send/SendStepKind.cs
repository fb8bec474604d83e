using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Send;

public sealed class SendStepKind : StepKind<SendStepDefinition, SendStep>
{
    public override string Kind => "send";

    public override string Label => "Send a message";

    public override string Help => "A template by SMS, email or in-app to the people in the chosen roles.";

    public override StepDefinition Create(string id) => new SendStepDefinition { Id = id, Channels = ["email"] };

    protected override void Validate(SendStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        if (step.Channels.Count == 0) errors.Add(new($"{at}.channels", "choose at least one channel: sms, email or inApp."));
        for (var c = 0; c < step.Channels.Count; c++)
        {
            if (!ChannelNames.TryParse(step.Channels[c], out _))
                errors.Add(new($"{at}.channels[{c}]", $"'{step.Channels[c]}' is not a channel: use sms, email or inApp."));
        }

        if (string.IsNullOrWhiteSpace(step.Template)) errors.Add(new($"{at}.template", "is required."));
        else if (!check.TemplateExists(step.Template)) errors.Add(new($"{at}.template", $"there is no template '{step.Template}'."));
        if (step.Recipients.Count == 0) errors.Add(new($"{at}.recipients", "choose at least one recipient role."));
        if (step.Failover && step.Channels.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
            errors.Add(new($"{at}.channels", "list at least two channels, in the order to try them, to fail over from one to the next."));
        if (step.FailoverAfter is not null && !step.Failover)
            errors.Add(new($"{at}.failoverAfter", "only applies when the step fails over (\"failover\": true)."));
        if (step.FailoverAfter is { Amount: < 1 or > 100_000 })
            errors.Add(new($"{at}.failoverAfter.amount", "must be between 1 and 100000."));
        if (step.Digest is { } digest) ValidateDigest(step, digest, $"{at}.digest", check, errors);
    }

    private static void ValidateDigest(SendStepDefinition step, DigestDefinition digest, string at, FlowCheck check, List<FieldError> errors)
    {
        if (step.Failover) errors.Add(new(at, "a digest cannot also fail over: choose one."));
        if (digest.Until is { } until)
        {
            if (!Clock.TryParse(until, out _)) errors.Add(new($"{at}.until", "must be a 24-hour time such as 16:00."));
            if (digest.Window is not null) errors.Add(new($"{at}.window", "give a window or a time of day, not both."));
        }
        else if (digest.Window is null) errors.Add(new($"{at}.window", "is required: how long to collect, e.g. { \"amount\": 30, \"unit\": \"minutes\" }, or give \"until\": \"16:00\"."));
        else if (digest.Window.Amount is < 1 or > 100_000) errors.Add(new($"{at}.window.amount", "must be between 1 and 100000."));
        check.Liquid(digest.Key, 500, $"{at}.key", errors);
    }

    protected override string Describe(SendStepDefinition step) =>
        $"Send '{step.Template}' by {string.Join(step.Failover ? ", else " : " and ", step.Channels)} to {string.Join(", ", step.Recipients)}" +
        (step.Failover && step.FailoverAfter is { } after ? $" (the next channel when not read or delivered within {after})" : "") +
        (step.Attach ? ", with the files the event or record gives" : "") +
        (step.Digest is { } digest ? $", as one digest per person ({(digest.Until is null ? "every " : "")}{digest})" : "");
}
