using Bunit;
using MudBlazor.Services;
using Notify.Web.Components.Shared;

namespace Notify.Web.Tests.Components.Shared;

public sealed class RecordDataTableTests : BunitContext
{
    public RecordDataTableTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Render_ShowsEachFieldAsARow_WithNestedFieldsByPath_AndNoJson()
    {
        var cut = Render<RecordDataTable>(p => p.Add(t => t.Json,
            """{"pickup":"Kjøpmannsgata 4, Trondheim","amount":1250.5,"vip":true,"car":{"plate":"EL 12345"},"tags":["winter","tyres"],"note":null}"""));

        var rows = cut.FindAll("tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal(
            [("pickup", "Kjøpmannsgata 4, Trondheim"), ("amount", "1250.5"), ("vip", "yes"), ("car · plate", "EL 12345"), ("tags", "winter, tyres"), ("note", "(empty)")],
            rows);
        Assert.DoesNotContain("{", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00F8", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_EmptyData_SaysNone()
    {
        var cut = Render<RecordDataTable>(p => p.Add(t => t.Json, "{}"));

        Assert.Equal("none", cut.Find("span").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }
}
