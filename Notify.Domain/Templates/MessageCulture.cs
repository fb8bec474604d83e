using System.Globalization;

namespace Notify.Domain.Templates;

/// <summary>The culture a person's messages are written in, from their language code: day and month names in <c>date</c>.</summary>
public static class MessageCulture
{
    public static CultureInfo For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language.Trim());
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
