using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

public partial class DeliveriesPage
{
    private MudDataGrid<DeliveryRow>? _grid;
    private string? _text;
    private string? _recipient;
    private Channel? _channel;
    private DeliveryStatus? _status;
    private bool _loading;

    [Inject] private DeliveryQueryService Deliveries { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "record")] public string? RecordKey { get; set; }

    private bool HasFilters => !string.IsNullOrEmpty(_text) || !string.IsNullOrEmpty(_recipient) || _channel is not null || _status is not null
        || !string.IsNullOrEmpty(RecordKey);

    internal static string ChannelLabel(Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        Channel.Email => "Email",
        _ => "In-app",
    };

    private static string Preview(string body) => body.Length > 140 ? body[..140] + "…" : body;

    private async Task<GridData<DeliveryRow>> LoadAsync(GridState<DeliveryRow> state, CancellationToken ct)
    {
        _loading = true;
        try
        {
            var page = await Deliveries.SearchAsync(new DeliveryFilter
            {
                Text = _text, Recipient = _recipient, Channel = _channel, Status = _status, RecordKey = RecordKey,
                Page = state.Page, PageSize = state.PageSize,
            }, ct);
            return new GridData<DeliveryRow> { Items = page.Items, TotalItems = page.Total };
        }
        finally
        {
            _loading = false;
        }
    }

    private Task OnTextChanged(string? value) => Reload(() => _text = value);

    private Task OnRecipientChanged(string? value) => Reload(() => _recipient = value);

    private Task OnChannelChanged(Channel? value) => Reload(() => _channel = value);

    private Task OnStatusChanged(DeliveryStatus? value) => Reload(() => _status = value);

    private async Task Reload(Action change)
    {
        change();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
