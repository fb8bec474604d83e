using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Notify.Domain.Common;
using Notify.Web.Components.Shared;

namespace Notify.Web.Features.Templates;

/// <summary>The template editor: the text per language and channel, the palette that inserts merge fields, and saving.</summary>
public partial class TemplateEditPage
{
    private TemplateFormModel? _model;
    private bool _isNew;
    private bool _busy;
    private readonly FieldErrors _errors = new();
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter] public string Key { get; set; } = "";

    [Inject] private TemplateService Templates { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private int _tab;
    private IReadOnlyList<Notify.Domain.Templates.MergeField> _fields = Notify.Domain.Templates.MergeFields.All;
    private IReadOnlyList<FieldError> _warnings = [];
    private TranslationForm? _focusedLanguage;
    private string _focusedPart = "sms";

    [Inject] private MergeFieldCatalog Catalog { get; set; } = default!;

    private IReadOnlyList<string> Languages => [_model!.Language, .. _model.Translations.Select(t => t.Language)];

    private TemplateContentForm FocusedContent => _focusedLanguage is { } t && _model!.Translations.Contains(t) ? t.Content : _model!.Own;

    private string TargetLabel => (_focusedPart switch
    {
        "emailSubject" => "email subject",
        "emailText" => "email text",
        "emailHtml" => "email HTML",
        "inApp" => "in-app message",
        _ => "SMS text",
    }) + (_focusedLanguage is { } language && _model!.Translations.Contains(language) ? $", {language.Language}" : "");

    private void Focus(TranslationForm? language, string part) => (_focusedLanguage, _focusedPart) = (language, part);

    private static void Touched()
    {
        // the preview re-renders from the form model on the next render
    }

    private void InsertField(Notify.Domain.Templates.MergeField field)
    {
        var content = FocusedContent;
        static string Add(string? text, string liquid) => string.IsNullOrEmpty(text) ? liquid : text.EndsWith(' ') ? text + liquid : text + " " + liquid;
        switch (_focusedPart)
        {
            case "emailSubject": content.EmailSubject = Add(content.EmailSubject, field.Liquid); break;
            case "emailText": content.EmailText = Add(content.EmailText, field.Liquid); break;
            case "emailHtml": content.EmailHtml = Add(content.EmailHtml, field.Liquid); break;
            case "inApp": content.InApp = Add(content.InApp, field.Liquid); break;
            default: content.Sms = Add(content.Sms, field.Liquid); break;
        }
    }

    private void MakeGsm()
    {
        var content = _tab > 0 && _tab <= _model!.Translations.Count ? _model.Translations[_tab - 1].Content : _model!.Own;
        if (content.Sms is not null)
        {
            content.Sms = Notify.Domain.Messaging.Sms.GsmCharacters.ReplaceLookAlikes(content.Sms);
        }
    }
    private string? _newLanguage;
    private string? _newLanguageError;

    private bool HasErrors(TranslationForm translation) => _errors.Has($"translations.{translation.Language}");

    private void AddLanguage()
    {
        _newLanguageError = _model!.CheckNewLanguage(_newLanguage);
        if (_newLanguageError is not null)
        {
            return;
        }

        _model.Translations.Add(new TranslationForm { Language = _newLanguage!.Trim().ToLowerInvariant() });
        _newLanguage = null;
        _tab = _model.Translations.Count; // the new language's tab
    }

    private void AddLanguageOnEnter(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") AddLanguage();
    }

    private async Task RemoveLanguageAsync(TranslationForm translation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove language",
            $"Remove the '{translation.Language}' text? People with that language will get the template's own text. Nothing changes until you save.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed == true)
        {
            _model!.Translations.Remove(translation);
            _tab = 0;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _isNew = Key == "new";
        _crumbs = [new("Templates", "templates"), new(_isNew ? "New" : Key, null, disabled: true)];
        var existing = _isNew ? null : await Templates.GetAsync(Key, CancellationToken.None);
        _isNew = existing is null;
        _model = existing is null ? new TemplateFormModel { Key = Key == "new" ? "" : Key } : TemplateFormModel.From(existing);
        _warnings = existing?.Warnings ?? [];
        _fields = await Catalog.ForTemplateAsync(Key, CancellationToken.None);
    }

    private async Task SaveAsync()
    {
        _busy = true;
        _errors.Clear();
        try
        {
            var (saved, _) = await Templates.SaveAsync(_model!.Key.Trim(), _model.ToBody(), CancellationToken.None);
            _warnings = saved.Warnings;
            Snackbar.Add(saved.Warnings.Count == 0 ? $"Template '{saved.Name}' saved." : $"Template '{saved.Name}' saved, with {saved.Warnings.Count} warning(s) under the fields.",
                saved.Warnings.Count == 0 ? Severity.Success : Severity.Warning);
            if (_isNew) Navigation.NavigateTo($"templates/{Uri.EscapeDataString(saved.Key)}");
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
