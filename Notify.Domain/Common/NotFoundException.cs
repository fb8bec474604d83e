namespace Notify.Domain.Common;

/// <summary>A thing asked for by key that does not exist.</summary>
public sealed class NotFoundException(string what, string key) : Exception($"{what} '{key}' was not found.")
{
    public string What { get; } = what;

    public string Key { get; } = key;
}
