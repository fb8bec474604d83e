using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Notify.Domain.Templates;
using Notify.Web.Features.Flows.Designer;
using Notify.Workflows.Organisation;

namespace Notify.Web.Tests.Features.Flows.Designer;

/// <summary>What the designer's editors need to render alone: MudBlazor, the organisation's time zone, and a catalog as stored data would give.</summary>
public abstract class DesignerComponentTests : BunitContext, IAsyncLifetime
{
    /// <summary>How long to wait for a debounced input to reach the flow: long, so a busy machine never fails a test.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected DesignerComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Options.Create(new OrganisationOptions { TimeZone = "Europe/Oslo" }));
    }

    /// <summary>Record types, one template per channel mix, the usual roles, and data fields of every kind seen on orders.</summary>
    protected static DesignerCatalog Catalog() => new(
        [("order", "Order"), ("task", "Task")],
        [
            new DesignerTemplate("order-ready", "Order ready", new TemplateContent { Sms = "Ready", EmailSubject = "Ready", EmailText = "Ready" }),
            new DesignerTemplate("sms-only", "SMS only", new TemplateContent { Sms = "Hi" }),
        ],
        ["customer", "manager", .. DesignerCatalog.BuiltInRoles],
        [
            new DesignerDataField("record", "order", "amount", "number"),
            new DesignerDataField("record", "order", "pickup_from", "date"),
            new DesignerDataField("record", "order", "vip", "yes/no"),
            new DesignerDataField("record", "order", "city", "text"),
            new DesignerDataField("record", "task", "hours", "number"),
        ]);

    /// <summary>Picks a value in a MudSelect as a person choosing from its list would leave it.</summary>
    protected static Task PickAsync<T>(IRenderedComponent<MudSelect<T>> select, T value) =>
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));

    /// <summary>The MudSelect whose data-testid is <paramref name="testId"/>.</summary>
    protected static IRenderedComponent<MudSelect<T>> Select<T>(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, string testId) =>
        root.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
