using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

public partial class DeliveryLog : IAsyncDisposable
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private MudDataGrid<DeliveryRow>? _grid;
    private bool _live = true;
    private string? _text;
    private string? _recipient;
    private Channel? _channel;
    private DeliveryStatus? _status;
    private string? _flow;
    private DateTime? _from;
    private DateTime? _to;

    [Inject] private DeliveryQueryService Deliveries { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<Notify.Workflows.Organisation.OrganisationOptions> Organisation { get; set; } = default!;

    /// <summary>Keeps the filters in the page's address, so a filtered log can be bookmarked, shared and reloaded.</summary>
    [Parameter] public bool FiltersInAddress { get; set; }

    /// <summary>Fixed filter: only deliveries of this provider (the sandbox outbox uses "sandbox").</summary>
    [Parameter] public string? Provider { get; set; }

    [Parameter] public Channel? InitialChannel { get; set; }

    [Parameter] public string? RecordKey { get; set; }

    [Parameter] public string EmptyText { get; set; } = "Nothing has been sent yet. Deliveries appear here as soon as a published flow sends a message.";

    protected override void OnInitialized()
    {
        _channel = InitialChannel;
        if (!FiltersInAddress) return;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        string? Read(string name) => query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } text ? text : null;
        _text = Read("text");
        _recipient = Read("recipient");
        _flow = Read("flow");
        _status = Enum.TryParse<DeliveryStatus>(Read("status"), ignoreCase: true, out var status) ? status : null;
        _from = DateTime.TryParseExact(Read("from"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from) ? from : null;
        _to = DateTime.TryParseExact(Read("to"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var to) ? to : null;
    }

    /// <summary>The filters as they stand, written into the address without a new history entry.</summary>
    private async Task WriteFiltersToAddressAsync()
    {
        if (!FiltersInAddress) return;
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["text"] = _text is { Length: > 0 } ? _text : null,
            ["recipient"] = _recipient is { Length: > 0 } ? _recipient : null,
            ["channel"] = _channel is { } c ? c.ToName() : null,
            ["status"] = _status is { } st ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(st.ToString()) : null,
            ["flow"] = _flow is { Length: > 0 } ? _flow : null,
            ["from"] = _from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = _to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        // Replaced in the browser's history, not navigated to: a navigation would close a message the person just opened.
        await JS.InvokeVoidAsync("history.replaceState", null, "", uri);
    }


    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) // after-render runs only once the circuit is interactive, never while prerendering
        {
            _ = RefreshWhileLiveAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Support staff watch messages go out: while Live is on, the current page is read again every few seconds.</summary>
    private async Task RefreshWhileLiveAsync()
    {
        using var timer = new PeriodicTimer(LiveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (_live && _grid is not null)
                {
                    await InvokeAsync(_grid.ReloadServerData);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // the page was closed
        }
    }

    private bool HasFilters => !string.IsNullOrEmpty(_text) || !string.IsNullOrEmpty(_recipient) || _channel is not null || _status is not null
        || !string.IsNullOrEmpty(RecordKey) || !string.IsNullOrEmpty(_flow) || _from is not null || _to is not null;

    internal static string ChannelLabel(Channel channel) => channel.ToLabel();

    private static string Preview(string body) => body.Length > 140 ? body[..140] + "…" : body;

    private DeliveryPager? _pager;

    private DeliveryPager Pager => _pager ??= new DeliveryPager(Deliveries);

    private Task<GridData<DeliveryRow>> LoadAsync(GridState<DeliveryRow> state, CancellationToken ct) => Pager.LoadAsync(new DeliveryFilter
    {
        Text = _text, Recipient = _recipient, Channel = _channel, Status = _status, RecordKey = RecordKey, Flow = _flow, Provider = Provider,
        From = Organisation.Value.StartOfDayUtc(_from), To = Organisation.Value.StartOfDayUtc(_to?.AddDays(1)),
    }, state, ct);

    private Task OnTextChanged(string? value) => Reload(() => _text = value);

    private Task OnRecipientChanged(string? value) => Reload(() => _recipient = value);

    private Task OnChannelChanged(Channel? value) => Reload(() => _channel = value);

    private Task OnStatusChanged(DeliveryStatus? value) => Reload(() => _status = value);

    private async Task OpenAsync(DataGridRowClickEventArgs<DeliveryRow> args)
    {
        if (await DeliveryPreviewDialog.OpenAsync(Dialogs, args.Item) && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task Reload(Action change)
    {
        change();
        Pager.Forget();
        await WriteFiltersToAddressAsync();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
