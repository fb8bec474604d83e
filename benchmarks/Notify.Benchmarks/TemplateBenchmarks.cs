using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Notify.Domain.Templates;
using Notify.Workflows.Channels.Email;

namespace Notify.Benchmarks;

/// <summary>
/// Rendering the demo order-ready SMS, email text and email HTML (in the layout) with a parsed, cached template:
/// Notify's Fluid renderer against DotLiquid, the renderer it replaced, as the baseline in the same process.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TemplateBenchmarks
{
    private const string Email = "Hi {{ recipient.first_name }},\n\nYour order {{ record.key }} ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.";
    private const string Html = "<p>Hi {{ recipient.first_name }},</p><p>Your order <strong>{{ record.key }}</strong> ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.</p>";
    private const string Sms = "Hi {{ recipient.first_name }}, your order {{ record.key }} is ready for pick-up.";
    private static readonly BrandingOptions Branding = new() { CompanyName = "Sykkelverkstedet AS" };
    private readonly TemplateRenderer _renderer = new();
    private readonly Dictionary<string, DotLiquid.Template> _dotLiquid = new();
    private readonly IReadOnlyDictionary<string, object?> _model = new Dictionary<string, object?>
    {
        ["record"] = new Dictionary<string, object?>
        {
            ["key"] = "AO462", ["title"] = "Winter tyres", ["status"] = "ready",
            ["data"] = new Dictionary<string, object?> { ["pickup"] = "Storgata 1" },
        },
        ["recipient"] = new Dictionary<string, object?> { ["first_name"] = "Ola", ["name"] = "Ola Nordmann" },
    };

    private DotLiquid.Hash _hash = new();

    [GlobalSetup]
    public void Setup()
    {
        foreach (var text in new[] { Email, Html, Sms })
        {
            _renderer.Render(text, _model);
            _dotLiquid[text] = DotLiquid.Template.Parse(text);
        }

        _hash = DotLiquid.Hash.FromDictionary(new Dictionary<string, object>
        {
            ["record"] = DotLiquid.Hash.FromDictionary(new Dictionary<string, object>
            {
                ["key"] = "AO462", ["title"] = "Winter tyres", ["status"] = "ready",
                ["data"] = DotLiquid.Hash.FromDictionary(new Dictionary<string, object> { ["pickup"] = "Storgata 1" }),
            }),
            ["recipient"] = DotLiquid.Hash.FromDictionary(new Dictionary<string, object> { ["first_name"] = "Ola", ["name"] = "Ola Nordmann" }),
        });
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SMS")]
    public string DotLiquidSms() => _dotLiquid[Sms].Render(_hash);

    [Benchmark, BenchmarkCategory("SMS")]
    public string FluidSms() => _renderer.Render(Sms, _model);

    [Benchmark(Baseline = true), BenchmarkCategory("Email text")]
    public string DotLiquidEmailText() => _dotLiquid[Email].Render(_hash);

    [Benchmark, BenchmarkCategory("Email text")]
    public string FluidEmailText() => _renderer.Render(Email, _model);

    [Benchmark(Baseline = true), BenchmarkCategory("Email HTML in the layout")]
    public string DotLiquidEmailHtmlInLayout() => EmailLayout.Wrap(_dotLiquid[Html].Render(_hash), "", Branding);

    [Benchmark, BenchmarkCategory("Email HTML in the layout")]
    public string FluidEmailHtmlInLayout() => EmailLayout.Wrap(_renderer.RenderHtml(Html, _model), "", Branding);
}
