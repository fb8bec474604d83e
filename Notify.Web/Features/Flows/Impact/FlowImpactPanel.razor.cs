using Microsoft.AspNetCore.Components;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Definitions;
using Notify.Workflows.Impact;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Flows.Impact;

/// <summary>Runs the impact preview on the draft as on screen and shows both versions' figures, who changes, and the records most affected.</summary>
public partial class FlowImpactPanel
{
    private readonly FieldErrors _errors = new();
    private int _days = ImpactRequest.DefaultDays;
    private bool _running;
    private string? _problem;
    private ImpactResult? _result;

    [Inject] private ImpactPreviewer Previewer { get; set; } = default!;

    [Inject] private FlowValidator Validator { get; set; } = default!;

    [Parameter, EditorRequired] public string FlowKey { get; set; } = "";

    [Parameter, EditorRequired] public FlowDesign Design { get; set; } = default!;

    [Parameter, EditorRequired] public DesignerCatalog Catalog { get; set; } = default!;

    [Parameter] public int? PublishedVersion { get; set; }

    /// <summary>The admin wants to dry-run one of the affected records.</summary>
    [Parameter] public EventCallback<DryRunRecord> TryRecord { get; set; }

    private async Task CompareAsync()
    {
        _running = true;
        _problem = null;
        _errors.Clear();
        try
        {
            var draft = Design.ToDefinition();
            if (Validator.Validate(draft, Catalog.Templates.Select(t => t.Key).ToHashSet(StringComparer.Ordinal)).Count > 0)
            {
                _problem = "The flow has problems to fix first: the nodes with a red badge say what.";
                return;
            }

            var days = _days;
            _result = await Task.Run(() => Previewer.PreviewAsync(FlowKey, draft, new ImpactRequest(days), CancellationToken.None)); // off the circuit: it may take seconds
        }
        catch (ValidationException ex)
        {
            _errors.Set(ex);
            _problem = string.Join(" ", ex.Errors.Select(e => e.Message));
        }
        catch (NotFoundException)
        {
            _problem = "Save the flow once first: the comparison needs it stored.";
        }
        finally
        {
            _running = false;
        }
    }

    private static string PublishedHeading(ImpactResult r) => r.PublishedVersion is { } v ? $"Published (version {v})" : "Published (none yet)";

    private IEnumerable<ImpactRow> Rows(ImpactResult r)
    {
        yield return Row("runs", "Runs started", r.Published.Runs, r.Draft.Runs);
        yield return Row("sms", "SMS", r.Published.Messages.Sms, r.Draft.Messages.Sms);
        yield return Row("email", "Emails", r.Published.Messages.Email, r.Draft.Messages.Email);
        yield return Row("inapp", "In-app messages", r.Published.Messages.InApp, r.Draft.Messages.InApp);
        yield return Row("segments", "SMS segments", r.Published.SmsSegments, r.Draft.SmsSegments);
        if (r.Draft.Cost is { } draftCost && r.Published.Cost is { } publishedCost)
        {
            var change = draftCost - publishedCost;
            yield return new("cost", "SMS cost", $"{publishedCost:N2} {r.Currency}", $"{draftCost:N2} {r.Currency}",
                change == 0 ? "no change" : $"{(change > 0 ? "+" : "−")}{Math.Abs(change):N2} {r.Currency}", ChangeClass(change));
        }

        yield return Row("people", "People reached", r.Published.People, r.Draft.People);
    }

    private static ImpactRow Row(string id, string label, int published, int draft) =>
        new(id, label, published.ToString("N0"), draft.ToString("N0"),
            draft == published ? "no change" : $"{(draft > published ? "+" : "−")}{Math.Abs(draft - published):N0}", ChangeClass(draft - published));

    private static string ChangeClass(decimal change) => change switch { > 0 => "impact-more", < 0 => "impact-fewer", _ => "" };

    private sealed record ImpactRow(string Id, string Label, string Published, string Draft, string Change, string ChangeClass);
}
