namespace Notify.Web.Features.Deliveries;

/// <summary>One page of a list, with the total count across all pages.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>More match than <see cref="Total"/>: counting stopped there rather than read every match.</summary>
    public bool TotalIsCapped { get; init; }

    /// <summary>Where the next page starts (pass it as <c>after</c>); none on the last page.</summary>
    public string? Next { get; init; }
}
