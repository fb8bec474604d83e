using Microsoft.AspNetCore.Components;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;
using Notify.Web.Features.Contacts;
using Notify.Workflows.Messages;

namespace Notify.Web.Features.Messages;

public partial class SendMessagePage
{
    private readonly SendMessageFormModel _form = new();
    private readonly FieldErrors _errors = new();
    private IReadOnlyList<string> _senders = [];
    private Notify.Workflows.Messages.SenderChoices? _senderChoices;
    private ManualSendPlan? _plan;
    private IReadOnlyList<string> _problems = [];
    private string? _peopleError;
    private ManualSendResult? _sent;
    private bool _busy;
    private int _refreshVersion;
    private MudAutocomplete<RecipientChoice>? _picker;

    /// <summary>One key per message written, so a double click or a retry never sends it twice.</summary>
    private string _idempotencyKey = Guid.NewGuid().ToString("N");

    [Inject] private ManualSendService Messages { get; set; } = default!;

    [Inject] private ContactService Contacts { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private Records.RecordQueryService Records { get; set; } = default!;

    /// <summary><c>?record=order/AO462</c>: the message is about that record and shows in its story.</summary>
    [SupplyParameterFromQuery(Name = "record")] private string? RecordRef { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _senderChoices = await Messages.SendersAsync(CancellationToken.None);
        _senders = _senderChoices.Allowed;
        _form.Sender ??= _senderChoices.LastUsed;
        if (RecordRef?.Split('/', 2) is [{ Length: > 0 } type, { Length: > 0 } key])
        {
            _form.Record = new MessageRecord(type, key);
        }
    }

    /// <summary>A sender as the list names it: whose it is.</summary>
    private string SenderLabel(string sender) =>
        sender == _senderChoices?.OwnNumber ? $"{sender} (your own number)"
        : sender == Messages.Senders().FirstOrDefault() && !sender.StartsWith('+') ? $"{sender} (the company's name)"
        : $"{sender} (the company's number)";

    private async Task<IEnumerable<RecipientChoice>> SearchAsync(string? text, CancellationToken ct)
    {
        var people = (await Contacts.SearchAsync(text, 0, 8, ct)).Items.Select(c => new RecipientChoice($"contact:{c.Key}", $"{c.Name} ({c.Key})", false));
        var groups = (await Contacts.GroupsAsync(text, ct)).Select(g => new RecipientChoice($"group:{g.Group}", $"Group {g.Group} ({Words.Count(g.Members, "person", "people")})", true));
        return people.Concat(groups).Where(c => _form.People.All(p => p.Entry != c.Entry)).ToList();
    }

    private async Task AddAsync(RecipientChoice? choice)
    {
        if (choice is null)
        {
            return;
        }

        if (_form.People.All(p => p.Entry != choice.Entry))
        {
            _form.People.Add(choice);
        }

        if (_picker is not null)
        {
            await _picker.ClearAsync(); // ready for the next one
        }

        await RefreshAsync();
    }

    /// <summary>The record's assignees and its contacts by role, as chips: the people working on it or waiting for it.</summary>
    private async Task AddEveryoneOnRecordAsync()
    {
        if (_form.Record is not { Type: { } type, Key: { } key } || await Records.GetAsync(type, key, CancellationToken.None) is not { } details)
        {
            _peopleError = "The record is not known, so nobody on it can be added.";
            return;
        }

        foreach (var contactKey in details.Record.Assignees.Concat(details.Record.Contacts.Values).Distinct())
        {
            if (_form.People.All(p => p.Entry != $"contact:{contactKey}") && await Contacts.GetAsync(contactKey, CancellationToken.None) is { } contact)
            {
                _form.People.Add(new RecipientChoice($"contact:{contact.Key}", $"{contact.Name} ({contact.Key})", false));
            }
        }

        await RefreshAsync();
    }

    private Task RemoveAsync(MudChip<string> chip)
    {
        _form.People.RemoveAll(p => p.Entry == chip.Value);
        return RefreshAsync();
    }

    private Task NumbersChangedAsync(string? numbers) => SetAsync(() => _form.Numbers = numbers);

    private Task SetAsync(Action change)
    {
        change();
        return RefreshAsync();
    }

    /// <summary>Plans the message as it stands: who gets it and the cost, or what is wrong, next to its field.</summary>
    private async Task RefreshAsync()
    {
        // Plans can finish out of order (two fields' debounces fire together); only the newest may show.
        var version = ++_refreshVersion;
        _sent = null;
        _errors.Clear();
        _peopleError = null;
        _problems = [];
        _plan = null;
        if (_form.People.Count == 0 && string.IsNullOrWhiteSpace(_form.Numbers) || string.IsNullOrWhiteSpace(_form.Text))
        {
            return;
        }

        try
        {
            var plan = await Messages.PlanAsync(_form.ToMessage(), CancellationToken.None);
            if (version == _refreshVersion)
            {
                _plan = plan;
            }
        }
        catch (ValidationException) when (version != _refreshVersion)
        {
            // a newer plan is on its way; this one's errors are out of date
        }
        catch (ValidationException ex) when (version == _refreshVersion)
        {
            _errors.Set(ex);
            var onPeople = ex.Errors.Where(e => e.Field.StartsWith("to[", StringComparison.Ordinal) && e.Field != $"to[{_form.NumbersIndex}]").ToList();
            _peopleError = onPeople.Count > 0 ? string.Join(" ", onPeople.Select(e => e.Message)) : null;
            _problems = ex.Errors.Where(e => e.Field is "record").Select(e => e.Message).ToList();
        }
    }

    private async Task SendAsync()
    {
        if (_plan is null)
        {
            return;
        }

        var question = $"{SendMessageSummary.Sentence(_plan)} Send it now?";
        if (await Dialogs.ShowMessageBoxAsync("Send the message", question, yesText: "Send", cancelText: "Cancel") != true)
        {
            return;
        }

        _busy = true;
        try
        {
            _sent = await Messages.SendAsync(_form.ToMessage(), _idempotencyKey, CancellationToken.None);
            _idempotencyKey = Guid.NewGuid().ToString("N");
        }
        catch (ValidationException ex)
        {
            _errors.Set(ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
