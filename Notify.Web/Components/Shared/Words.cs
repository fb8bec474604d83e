using Humanizer;

namespace Notify.Web.Components.Shared;

/// <summary>Counts and plurals in words (Humanizer): "1 message", "3 messages", "1 person", "2 people", "2 batches".</summary>
public static class Words
{
    public static string Count(int n, string one, string? many = null) =>
        n == 1 ? $"1 {one}" : $"{n:N0} {many ?? one.Pluralize(inputIsKnownToBeSingular: true)}";

    /// <summary>"orders", "batches", "addresses": a record type as a plural noun.</summary>
    public static string Plural(string noun) => noun.Pluralize(inputIsKnownToBeSingular: true);
}
