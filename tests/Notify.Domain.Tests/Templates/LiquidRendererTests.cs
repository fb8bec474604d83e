using Notify.Domain.Templates;

namespace Notify.Domain.Tests.Templates;

public class LiquidRendererTests
{
    private readonly LiquidRenderer _renderer = new();

    [Fact]
    public void Render_MergeFields_AreFilledFromNestedData()
    {
        var model = new Dictionary<string, object?>
        {
            ["record"] = new Dictionary<string, object?> { ["key"] = "AO462", ["data"] = new Dictionary<string, object?> { ["amount"] = 120m } },
            ["recipient"] = new Dictionary<string, object?> { ["first_name"] = "Ola" },
        };

        var text = _renderer.Render("Hi {{ recipient.first_name }}, order {{ record.key }} costs {{ record.data.amount }}.", model);

        Assert.Equal("Hi Ola, order AO462 costs 120.", text);
    }

    [Fact]
    public void Validate_UnknownTag_GivesLineAndColumn()
    {
        var error = _renderer.Validate("Hello\n  {% frobnicate %}");

        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("frobnicate", error.Message);
    }

    [Fact]
    public void Validate_UnclosedIf_IsAnError()
    {
        Assert.NotNull(_renderer.Validate("{% if record.status %}ready"));
    }

    [Fact]
    public void Validate_GoodTemplate_IsNull()
    {
        Assert.Null(_renderer.Validate("{% if a %}{{ a | upcase }}{% endif %}"));
    }

    [Fact]
    public void Render_ObjectsOutsideThePlainModel_AreNotReachable()
    {
        var model = new Dictionary<string, object?> { ["thing"] = new Secret() };

        var text = _renderer.Render("[{{ thing.password }}]", model);

        Assert.Equal("[]", text);
    }

    [Fact]
    public void Render_HtmlInData_IsKeptAsTextForTheCallerToEncode()
    {
        var model = new Dictionary<string, object?> { ["name"] = "<script>x</script>" };

        Assert.Equal("&lt;script&gt;x&lt;/script&gt;", _renderer.Render("{{ name | escape }}", model));
    }

    private sealed class Secret
    {
        public string Password => "hunter2";

        public override string ToString() => "secret";
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}")]
    [InlineData("{% for i in (1..20000) %}{% endfor %}")]
    [InlineData("{% for i in (1..5000) %}{% for j in (1..5000) %}x{% endfor %}{% endfor %}")]
    public void Render_ATemplateThatWouldRunAway_FailsWithAPlainReason(string text)
    {
        var ex = Assert.Throws<TemplateRenderException>(() => _renderer.Render(text, new Dictionary<string, object?>()));

        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
    }
}
