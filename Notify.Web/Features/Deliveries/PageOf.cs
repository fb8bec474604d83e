namespace Notify.Web.Features.Deliveries;

/// <summary>One page of a list, with the total count across all pages.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
