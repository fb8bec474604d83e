namespace Notify.Workflows.Persistence;

/// <summary>
/// What every search box compares: a text in lower case, so "ola" finds "Ola Nordmann" and "ÅSE" finds "Åse". In a query
/// it is a database function — on SQLite <c>notify_fold</c>, which each connection gets from
/// <see cref="SearchFunctionInterceptor"/> (SQLite's own <c>lower</c> knows only A to Z), on PostgreSQL <c>lower</c> (by the
/// database's UTF-8 locale). Run in .NET, it is the same folding.
/// </summary>
public static class SearchText
{
    /// <summary>The SQLite function's name.</summary>
    public const string SqliteFunction = "notify_fold";

    /// <summary>The text as searches compare it; nothing is the empty text.</summary>
    public static string Fold(string? text) => text?.ToLowerInvariant() ?? "";

    /// <summary>Whether <paramref name="text"/> contains <paramref name="part"/>, case ignored: what a search answers in memory.</summary>
    public static bool Contains(string? text, string part) => Fold(text).Contains(Fold(part), StringComparison.Ordinal);
}
