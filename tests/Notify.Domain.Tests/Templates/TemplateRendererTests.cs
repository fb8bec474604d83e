using Notify.Domain.Templates;

namespace Notify.Domain.Tests.Templates;

public class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

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
    [InlineData("{% for i in (1..5000) %}{% for j in (1..5000) %}x{% endfor %}{% endfor %}", "steps")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..200) %}0123456789{% endfor %}{% endfor %}", "longer than")]
    public void Render_ATemplateThatWouldRunAway_IsStoppedWithAPlainReason(string text, string reason)
    {
        var ex = Assert.Throws<TemplateRenderException>(() => _renderer.Render(text, new Dictionary<string, object?>()));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "repeats 100,000,000 times")]
    [InlineData("{% for i in (1..record.data.n) %}x{% endfor %}", "fixed numbers at both ends")]
    public void Validate_ALoopOverAHugeOrOpenRange_IsRefusedWhenSaved(string text, string reason)
    {
        var error = _renderer.Validate(text);

        Assert.NotNull(error);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ASmallLiteralRange_IsFine() => Assert.Null(_renderer.Validate("{% for i in (1..10) %}{{ i }}{% endfor %}"));

    [Fact]
    public void RenderHtml_EscapesInsertedValues_ButNotTheTemplate_AndRawLetsAnAdminsFieldThrough()
    {
        var model = new Dictionary<string, object?>
        {
            ["record"] = new Dictionary<string, object?> { ["title"] = "<a href=\"http://evil.test\">click</a><script>x()</script>", ["data"] = new Dictionary<string, object?> { ["html"] = "<b>ok</b>" } },
            ["recipient"] = new Dictionary<string, object?> { ["name"] = "Åse Ødegård" },
        };

        var html = _renderer.RenderHtml("<p>{{ record.title }} for {{ recipient.name }}</p>{{ record.data.html | raw }}", model);

        Assert.Equal("<p>&lt;a href=&quot;http://evil.test&quot;&gt;click&lt;/a&gt;&lt;script&gt;x()&lt;/script&gt; for Åse Ødegård</p><b>ok</b>", html);
        Assert.Equal("<a href=\"http://evil.test\">click</a><script>x()</script>", _renderer.Render("{{ record.title }}", model));
    }

    [Fact]
    public void Fields_ListsTheMergeFieldsUsed_NotTheTemplatesOwnVariables()
    {
        var fields = _renderer.Fields("{% assign who = recipient.first_name %}{% for a in record.assignees %}{{ a }}{{ forloop.index }}{% endfor %}{{ who }} {{ record.data.pickup | default: company.name }}");

        Assert.Equal(["recipient.first_name", "record.assignees", "record.data.pickup", "company.name"], fields.MergeFields);
    }

    [Fact]
    public void ATemplateThatIncludesItself_IsRefusedOrStoppedWithAPlainReason()
    {
        const string text = "{% include 'message' %}{% render 'message' %}";
        var error = _renderer.Validate(text);
        var rendered = error is null ? Assert.Throws<TemplateRenderException>(() => _renderer.Render(text, new Dictionary<string, object?>())).Message : error.Message;

        Assert.False(string.IsNullOrWhiteSpace(rendered));
        Assert.DoesNotContain("   at ", rendered, StringComparison.Ordinal);
    }
}
