using Notify.Domain.Common;

namespace Notify.Web.Components.Shared;

/// <summary>Errors from the domain, keyed by field, for showing next to the inputs of a form.</summary>
public sealed class FieldErrors
{
    private Dictionary<string, string> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Clear() => _errors = [];

    public void Set(ValidationException ex) =>
        _errors = ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)), StringComparer.OrdinalIgnoreCase);

    /// <summary>The message for a field, or for any field starting with the prefix (e.g. "phones" finds "phones[1]").</summary>
    public string? For(string field)
    {
        if (_errors.TryGetValue(field, out var message))
        {
            return message;
        }

        var matches = _errors.Where(e => e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .Select(e => $"{e.Key}: {e.Value}").ToList();
        return matches.Count > 0 ? string.Join(" ", matches) : null;
    }

    public bool Has(string field) => For(field) is not null;

    /// <summary>The message for exactly this field, not its parts.</summary>
    public string? Exact(string field) => _errors.GetValueOrDefault(field);

    public IEnumerable<string> All => _errors.Select(e => $"{e.Key}: {e.Value}");
}
