using BenchmarkDotNet.Attributes;
using Notify.Domain.Templates;

namespace Notify.Benchmarks;

/// <summary>Rendering the demo order-ready email and SMS with a parsed (cached) template.</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private const string Email = "Hi {{ recipient.first_name }},\n\nYour order {{ record.key }} ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.";
    private const string Sms = "Hi {{ recipient.first_name }}, your order {{ record.key }} is ready for pick-up.";
    private readonly TemplateRenderer _renderer = new();
    private readonly IReadOnlyDictionary<string, object?> _model = new Dictionary<string, object?>
    {
        ["record"] = new Dictionary<string, object?>
        {
            ["key"] = "AO462", ["title"] = "Winter tyres", ["status"] = "ready",
            ["data"] = new Dictionary<string, object?> { ["pickup"] = "Storgata 1" },
        },
        ["recipient"] = new Dictionary<string, object?> { ["first_name"] = "Ola", ["name"] = "Ola Nordmann" },
    };

    [GlobalSetup]
    public void Setup()
    {
        _renderer.Render(Email, _model);
        _renderer.Render(Sms, _model);
    }

    [Benchmark]
    public string RenderSms() => _renderer.Render(Sms, _model);

    [Benchmark]
    public string RenderEmailText() => _renderer.Render(Email, _model);
}
