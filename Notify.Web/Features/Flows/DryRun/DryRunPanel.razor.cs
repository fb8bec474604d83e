using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Notify.Domain.Common;
using Notify.Domain.Records;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Web.Features.Records;
using Notify.Workflows.Definitions;
using Notify.Workflows.Organisation;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Flows.DryRun;

/// <summary>Asks what to try, runs the dry runner on the draft as on screen (or a published version), and hands the result up for the canvas to light.</summary>
public partial class DryRunPanel
{
    private readonly FieldErrors _errors = new();
    private RecordRow? _record;
    private IReadOnlyList<RecordEventRow> _events = [];
    private Guid? _eventId;
    private int _version;
    private string? _from;
    private string? _to;
    private int _hoursBefore = 23;
    private string? _assigned;
    private readonly List<EventDataRow> _data = [];
    private bool _running;
    private string? _problem;
    private DryRunResult? _result;

    [Inject] private DryRunner Runner { get; set; } = default!;

    [Inject] private RecordQueryService Records { get; set; } = default!;

    [Inject] private FlowValidator Validator { get; set; } = default!;

    [Inject] private IOptions<OrganisationOptions> Organisation { get; set; } = default!;

    [Parameter, EditorRequired] public string FlowKey { get; set; } = "";

    [Parameter, EditorRequired] public FlowDesign Design { get; set; } = default!;

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    [Parameter] public int? PublishedVersion { get; set; }

    /// <summary>A record to pick at once (from the impact preview's list).</summary>
    [Parameter] public DryRunRecord? Start { get; set; }

    private DryRunRecord? _started;

    /// <summary>The latest result (null when closed), for the canvas to show the path taken.</summary>
    [Parameter] public EventCallback<DryRunResult?> ResultChanged { get; set; }

    [Parameter] public EventCallback Closed { get; set; }

    private TimeZoneInfo Zone => Organisation.Value.Zone;

    private string RecordTypesText => Chosen.RecordTypes.Count == 0 ? "records" : string.Join(" or ", Chosen.RecordTypes.Select(Words.Plural));

    private int _triggerIndex;

    /// <summary>The start the trial plays out: the flow's only trigger, or the one picked when it has several.</summary>
    private TriggerDesign Chosen => Design.Triggers[Math.Clamp(_triggerIndex, 0, Design.Triggers.Count - 1)];

    private string Happening => Chosen.Event switch
    {
        EventTypes.Created => "As if it were created now.",
        EventTypes.Changed => Chosen.Fields.Count == 0 ? "As if something on it changed now." : $"As if its {string.Join(", ", Chosen.Fields.Select(FlowDescriber.FieldWords))} changed now.",
        _ => $"As if '{Chosen.CustomEventType}' happened to it now.",
    };

    private bool IsCustom => Chosen.Event == FlowDesign.CustomEvent;

    protected override void OnInitialized()
    {
        _to = FlowDesign.SplitList(Chosen.ToStatuses).FirstOrDefault();
        _from = FlowDesign.SplitList(Chosen.FromStatuses).FirstOrDefault();
        var kinds = EventDataRow.Kinds.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);
        _data.AddRange((Catalog.DataFields ?? [])
            .Where(f => f.Owner == "event" && f.Scope == Chosen.CustomEventType.Trim() && kinds.Contains(f.Kind))
            .Select(f => new EventDataRow { Key = f.Key, Kind = f.Kind, Known = true }));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Start is { } start && start != _started)
        {
            _started = start;
            await PickAsync(await Records.FindRowAsync(start.Type, start.Key, CancellationToken.None));
        }
    }

    private async Task<IEnumerable<RecordRow>> SearchAsync(string? text, CancellationToken ct)
    {
        var type = Chosen.RecordTypes.Count == 1 ? Chosen.RecordTypes[0] : null;
        var (items, _) = await Records.SearchAsync(type, text, 0, 20, ct);
        return Chosen.RecordTypes.Count > 1 ? items.Where(r => Chosen.RecordTypes.Contains(r.Type)) : items;
    }

    private static string Describe(RecordRow? r) => r is null ? "" : $"{r.Type} {r.Key}" + (r.Title.Length > 0 ? $" · {r.Title}" : "") + $" ({r.Status})";

    private async Task PickAsync(RecordRow? record)
    {
        _record = record;
        _from ??= record?.Status;
        _eventId = null;
        _events = record is null ? [] : await Records.EventsAsync(record.Type, record.Key, 20, CancellationToken.None);
    }

    private string EventWords(RecordEventRow e)
    {
        var what = e.Type == EventTypes.StatusChanged ? $"Status {e.FromStatus ?? "(none)"} → {e.ToStatus}" : Components.Shared.EventWords.What(e.Type);
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), Zone);
        return $"{what} · {at:yyyy-MM-dd HH:mm}";
    }

    private async Task RunAsync()
    {
        if (_record is null) return;
        _running = true;
        _problem = null;
        _errors.Clear();
        try
        {
            var unsaved = _version == 0 ? Design.ToDefinition() : null;
            if (unsaved is not null && Validator.Validate(unsaved, Catalog.Templates.Select(t => t.Key).ToHashSet(StringComparer.Ordinal)).Count > 0)
            {
                _problem = "The flow has problems to fix first: the nodes with a red badge say what.";
                return;
            }

            if (IsCustom && _eventId is null && EventDataRow.ToData(_data) is null)
            {
                _problem = "A value in the event's data is not right: the field says why.";
                return;
            }

            _result = await Runner.RunAsync(FlowKey, unsaved, Request(_record), CancellationToken.None);
            await ResultChanged.InvokeAsync(_result);
        }
        catch (ValidationException ex)
        {
            _errors.Set(ex);
            _problem = string.Join(" ", ex.Errors.Select(e => e.Message));
        }
        catch (NotFoundException ex)
        {
            _problem = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    private DryRunRequest Request(RecordRow record)
    {
        var target = new DryRunRecord(record.Type, record.Key);
        var version = _version == 0 ? (int?)null : _version;
        if (_eventId is { } stored) return new(target, EventId: stored, Version: version);
        return Chosen.Event switch
        {
            EventTypes.StatusChanged => new(target, new DryRunEvent(EventTypes.StatusChanged, Blank(_from), Blank(_to)), Version: version),
            EventTypes.Deadline => new(target, At: record.Deadline?.AddHours(-_hoursBefore), Version: version),
            EventTypes.Assigned when FlowDesign.SplitList(_assigned) is { Count: > 0 } people => new(target, new DryRunEvent(EventTypes.Assigned, AddedAssignees: people), Version: version),
            EventTypes.Created or EventTypes.Assigned => new(target, new DryRunEvent(Chosen.Event), Version: version),
            EventTypes.Changed => new(target, new DryRunEvent(EventTypes.Changed, Fields: Chosen.Fields.Count > 0 ? Chosen.Fields : null), Version: version),
            _ => new(target, new DryRunEvent(Chosen.CustomEventType.Trim(), Data: EventDataRow.ToData(_data)), Version: version),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task CloseAsync()
    {
        _result = null;
        await ResultChanged.InvokeAsync(null);
        await Closed.InvokeAsync();
    }
}
