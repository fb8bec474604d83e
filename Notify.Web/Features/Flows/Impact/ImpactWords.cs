using Notify.Web.Components.Shared;
using Notify.Workflows.Impact;

namespace Notify.Web.Features.Flows.Impact;

/// <summary>An impact preview in one sentence, for the comparison tab and the question before publishing.</summary>
public static class ImpactWords
{
    public static string Days(int n) => Words.Count(n, "day");

    /// <summary>The draft would do something else than the published version: other totals, or other people.</summary>
    public static bool Changes(ImpactResult r) => r.Draft != r.Published || r.NewlyReached.Count > 0 || r.NoLongerReached.Count > 0;

    public static string Summary(ImpactResult r)
    {
        var window = $"Over the last {Days(r.Days)} ({Words.Count(r.Draft.Events, "event")})";
        if (!Changes(r))
        {
            return $"{window}, the draft would do exactly what the published version does: {Words.Count(r.Draft.Messages.Total, "message")} to {Words.Count(r.Draft.People, "person", "people")}.";
        }

        var delta = r.Draft.Messages.Total - r.Published.Messages.Total;
        var messages = delta == 0 ? "the same number of messages" : $"{Words.Count(Math.Abs(delta), "message")} {(delta > 0 ? "more" : "fewer")}";
        return $"{window}, the draft would send {messages} ({r.Draft.Messages.Total} instead of {r.Published.Messages.Total}), " +
            (r.NewlyReached.Count == 0 ? "reach nobody new" : $"reach {Words.Count(r.NewlyReached.Count, "new person", "new people")}") +
            (r.NoLongerReached.Count == 0 ? " and leave nobody out; " : $" and no longer reach {Words.Count(r.NoLongerReached.Count, "person", "people")}; ") +
            $"{Words.Count(r.RecordsAffected, "record")} would get different messages.";
    }
}
