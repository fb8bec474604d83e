using Microsoft.AspNetCore.Components;
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

    /// <summary>Fixed filter: only deliveries of this provider (the sandbox outbox uses "sandbox").</summary>
    [Parameter] public string? Provider { get; set; }

    [Parameter] public Channel? InitialChannel { get; set; }

    [Parameter] public string? RecordKey { get; set; }

    [Parameter] public string EmptyText { get; set; } = "Nothing has been sent yet. Deliveries appear here as soon as a published flow sends a message.";

    protected override void OnInitialized() => _channel = InitialChannel;

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

    internal static string ChannelLabel(Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        Channel.Email => "Email",
        _ => "In-app",
    };

    private static string Preview(string body) => body.Length > 140 ? body[..140] + "…" : body;

    private async Task<GridData<DeliveryRow>> LoadAsync(GridState<DeliveryRow> state, CancellationToken ct)
    {
        var page = await Deliveries.SearchAsync(new DeliveryFilter
        {
            Text = _text, Recipient = _recipient, Channel = _channel, Status = _status, RecordKey = RecordKey, Flow = _flow, Provider = Provider,
            From = _from?.Date, To = _to?.Date.AddDays(1), Page = state.Page, PageSize = state.PageSize,
        }, ct);
        return new GridData<DeliveryRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnTextChanged(string? value) => Reload(() => _text = value);

    private Task OnRecipientChanged(string? value) => Reload(() => _recipient = value);

    private Task OnChannelChanged(Channel? value) => Reload(() => _channel = value);

    private Task OnStatusChanged(DeliveryStatus? value) => Reload(() => _status = value);

    private async Task OpenAsync(DataGridRowClickEventArgs<DeliveryRow> args)
    {
        var dialog = await Dialogs.ShowAsync<DeliveryPreviewDialog>($"{ChannelLabel(args.Item.Channel)} to {args.Item.RecipientName}",
            new DialogParameters<DeliveryPreviewDialog> { { d => d.DeliveryId, args.Item.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: true } && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task Reload(Action change)
    {
        change();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
