namespace Notify.Web.Components.Shared;

/// <summary>Counts in words: "1 message", "3 messages", "1 person", "2 people".</summary>
public static class Words
{
    public static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n:N0} {many ?? one + "s"}";
}
