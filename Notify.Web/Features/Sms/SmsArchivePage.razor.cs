using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Notify.Domain.Messaging;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Channels;
using Notify.Workflows.Organisation;

namespace Notify.Web.Features.Sms;

/// <summary>The SMS archive: every text message searched by number, text, status and day, paged in the database.</summary>
public partial class SmsArchivePage
{
    private const string Day = "yyyy-MM-dd";
    private MudDataGrid<DeliveryRow>? _grid;
    private string? _phone;
    private string? _text;
    private DeliveryStatus? _status;
    private DateTime? _from;
    private DateTime? _to;
    private int _rowsPerPage = 25;

    [Inject] private DeliveryQueryService Deliveries { get; set; } = default!;

    [Inject] private ChannelSettingsStore Channels { get; set; } = default!;

    [Inject] private IOptions<OrganisationOptions> Organisation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private decimal? Price => Channels.Sms.PricePerSegment;

    private string Currency => Channels.Sms.Currency;

    private string DefaultSender => Channels.Sms.SenderName ?? Channels.Sms.Twilio.From ?? "Default sender";

    private bool HasFilters => !string.IsNullOrWhiteSpace(_phone) || !string.IsNullOrWhiteSpace(_text) || _status is not null || _from is not null || _to is not null;

    /// <summary>Operators bill what they took: an SMS that was skipped, failed or withdrawn costs nothing.</summary>
    private static bool Billed(DeliveryRow row) => row.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered;

    protected override void OnInitialized()
    {
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        string? Read(string name) => query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } text ? text : null;
        _phone = Read("phone");
        _text = Read("text");
        _status = Enum.TryParse<DeliveryStatus>(Read("status"), ignoreCase: true, out var status) ? status : null;
        _from = ReadDay(Read("from"));
        _to = ReadDay(Read("to"));
        _rowsPerPage = int.TryParse(Read("rows"), out var rows) && rows is 10 or 25 or 50 or 100 ? rows : 25;
    }

    private static DateTime? ReadDay(string? text) =>
        DateTime.TryParseExact(text, Day, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;


    private DeliveryPager? _pager;

    private DeliveryPager Pager => _pager ??= new DeliveryPager(Deliveries);

    private async Task<GridData<DeliveryRow>> LoadAsync(GridState<DeliveryRow> state, CancellationToken ct)
    {
        if (state.PageSize != _rowsPerPage)
        {
            _rowsPerPage = state.PageSize;
            await WriteFiltersToAddressAsync();
        }

        return await Pager.LoadAsync(new DeliveryFilter
        {
            Channel = Channel.Sms, Phone = _phone, Text = _text, Status = _status, From = Organisation.Value.StartOfDayUtc(_from), To = Organisation.Value.StartOfDayUtc(_to?.AddDays(1)),
        }, state, ct);
    }

    /// <summary>The search in the page's address (replaced, not navigated: a navigation would close an open message).</summary>
    private async Task WriteFiltersToAddressAsync()
    {
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["phone"] = string.IsNullOrWhiteSpace(_phone) ? null : _phone,
            ["text"] = string.IsNullOrWhiteSpace(_text) ? null : _text,
            ["status"] = _status is { } s ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null,
            ["from"] = _from?.ToString(Day, CultureInfo.InvariantCulture),
            ["to"] = _to?.ToString(Day, CultureInfo.InvariantCulture),
            ["rows"] = _rowsPerPage == 25 ? null : _rowsPerPage,
        });
        await JS.InvokeVoidAsync("history.replaceState", null, "", uri);
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

    private async Task OpenAsync(DataGridRowClickEventArgs<DeliveryRow> args)
    {
        if (await DeliveryPreviewDialog.OpenAsync(Dialogs, args.Item) && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }
}
