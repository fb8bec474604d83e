using MudBlazor;

namespace Notify.Web.Features.Deliveries;

/// <summary>
/// Pages a newest-first list of messages for a grid. Where each page begins is learnt from the page before it, so
/// paging on reads the rows after the last one shown (keyset) instead of counting past every row before them, and a
/// page read again while Live keeps its rows. A page not reached by paging (the last one, say) is read by its number.
/// What was learnt is forgotten when the filters (<see cref="Forget"/>) or the page size change.
/// </summary>
public sealed class DeliveryPager(DeliveryQueryService deliveries)
{
    private readonly Dictionary<int, DeliveryCursor> _starts = [];
    private int _pageSize;

    /// <summary>Counting stopped at <see cref="DeliveryQueryService.CountCap"/>.</summary>
    public bool CountCapped { get; private set; }

    /// <summary>"1-25 of 812", or "of more than 10,000" where counting stopped.</summary>
    public string Info => CountCapped ? $"{{first_item}}-{{last_item}} of more than {DeliveryQueryService.CountCap:N0}" : "{first_item}-{last_item} of {all_items}";

    public void Forget() => _starts.Clear();

    /// <summary>The grid's page of what <paramref name="filter"/> finds (its page and size come from <paramref name="state"/>).</summary>
    public async Task<GridData<DeliveryRow>> LoadAsync(DeliveryFilter filter, GridState<DeliveryRow> state, CancellationToken ct)
    {
        if (_pageSize != state.PageSize)
        {
            _starts.Clear();
            _pageSize = state.PageSize;
        }

        var after = state.Page > 0 && _starts.TryGetValue(state.Page, out var start) ? start : null;
        var page = await deliveries.SearchAsync(filter with { Page = state.Page, PageSize = state.PageSize, After = after }, ct);
        CountCapped = page.TotalIsCapped;
        if (page.Items.Count == state.PageSize)
        {
            _starts[state.Page + 1] = DeliveryCursor.After(page.Items[^1]);
        }

        return new GridData<DeliveryRow> { Items = page.Items, TotalItems = page.Total };
    }
}
