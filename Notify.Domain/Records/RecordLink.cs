namespace Notify.Domain.Records;

/// <summary>A record's link to another record, written <c>type/key</c> (<c>customer/ACME</c>): the linked record has contacts of its own.</summary>
public sealed record RecordLink(string Type, string Key)
{
    public static bool TryParse(string? text, out RecordLink link)
    {
        link = new RecordLink("", "");
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash <= 0 || slash == text.Length - 1) return false;
        var (type, key) = (text[..slash].Trim(), text[(slash + 1)..].Trim());
        if (!Common.Keys.IsValid(type) || !Common.Keys.IsValid(key)) return false;
        link = new RecordLink(type.ToLowerInvariant(), key);
        return true;
    }

    public override string ToString() => $"{Type}/{Key}";
}
