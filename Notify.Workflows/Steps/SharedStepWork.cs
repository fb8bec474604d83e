using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Conditions;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Steps;

/// <summary>
/// What the runs of one batch work out alike when they judge the same event and the same record: the condition input,
/// the people a list of recipient roles names, the template model for a person and the merge fields a message used.
/// One event starts a run per matching flow, so this is worked out once per event instead of once per run. Entries are
/// keyed by the very event and record snapshot a run judges: a fresh run judges its event's snapshot, shared by every
/// run of that event; a resumed run judges the record as it is now, a snapshot of its own, so it never shares another's
/// work. The engine gives one to all the runs of a batch; a step context made elsewhere (a dry run) has its own.
/// </summary>
public sealed class SharedStepWork
{
    private readonly Dictionary<Judged<bool>, ConditionInput> _inputs = [];
    private readonly Dictionary<Judged<string>, (IReadOnlyList<Recipient>, IReadOnlyList<string>)> _people = [];
    private readonly Dictionary<Judged<Recipient>, IReadOnlyDictionary<string, object?>> _models = [];
    private readonly Dictionary<Judged<(TemplateContent, Channel)>, string?> _usedFields = [];

    internal ConditionInput ConditionInput(StepContext context, Func<ConditionInput> create) =>
        Once(_inputs, new(context.Event, context.Record, true), create);

    internal async Task<(IReadOnlyList<Recipient> People, IReadOnlyList<string> Notes)> PeopleAsync(
        StepContext context, IReadOnlyList<string> roles, Func<Task<(IReadOnlyList<Recipient>, IReadOnlyList<string>)>> resolve)
    {
        var key = new Judged<string>(context.Event, context.Record, string.Join('\n', roles));
        if (!_people.TryGetValue(key, out var found))
        {
            found = await resolve();
            _people[key] = found;
        }

        return found;
    }

    internal IReadOnlyDictionary<string, object?> Model(StepContext context, Recipient person, Func<IReadOnlyDictionary<string, object?>> create) =>
        Once(_models, new(context.Event, context.Record, person), create);

    internal string? UsedFields(StepContext context, TemplateContent content, Channel channel, Func<string?> create) =>
        Once(_usedFields, new(context.Event, context.Record, (content, channel)), create);

    private static TValue Once<TKey, TValue>(Dictionary<TKey, TValue> entries, TKey key, Func<TValue> create)
        where TKey : notnull
    {
        if (!entries.TryGetValue(key, out var value))
        {
            value = create();
            entries[key] = value;
        }

        return value;
    }

    /// <summary>
    /// One event judged on one record snapshot, both by reference (the same judging, not an equal-looking one: the events
    /// one upsert derives share its snapshot), and what else the work depends on, by value.
    /// </summary>
    private readonly record struct Judged<T>(RecordEvent Event, RecordSnapshot Record, T Rest)
    {
        public bool Equals(Judged<T> other) =>
            ReferenceEquals(Event, other.Event) && ReferenceEquals(Record, other.Record) && EqualityComparer<T>.Default.Equals(Rest, other.Rest);

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Event), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Record), Rest);
    }
}
