using DotLiquid;
using Notify.Domain.Templates;

namespace Notify.Domain.Tests.Templates;

/// <summary>Fluid renders every template text the demo ships (translations included) exactly as DotLiquid, the renderer it replaced, did.</summary>
public sealed class DotLiquidParityTests
{
    private static readonly DateTime Deadline = new(2026, 12, 2, 18, 2, 0, DateTimeKind.Utc);

    public static TheoryData<string> DemoTexts =>
    [
        "Påminnelse: '{{ record.title }}' ({{ record.key }}) ska vara klar {{ record.deadline | date: '%d.%m %H:%M' }} UTC.",
        "'{{ record.title }}' ska vara klar {{ record.deadline | date: '%d.%m %H:%M' }} UTC.",
        "Your order {{ record.key }} is ready",
        "<p>Hi {{ recipient.first_name }},</p><p>Your order <strong>{{ record.key }}</strong> ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.</p>",
        "Hi {{ recipient.first_name }},\n\nYour order {{ record.key }} ({{ record.title }}) is ready for pick-up{% if record.data.pickup %} at {{ record.data.pickup }}{% endif %}.",
        "Hi {{ recipient.first_name }}, your order {{ record.key }} is ready for pick-up.",
        "Reminder: '{{ record.title }}' ({{ record.key }}) is due {{ record.deadline | date: '%d.%m %H:%M' }} UTC.",
        "'{{ record.title }}' is due {{ record.deadline | date: '%d.%m %H:%M' }} UTC.",
        "Overdue: {{ record.title }} ({{ record.key }})",
        "The task '{{ record.title }}' ({{ record.key }}) passed its deadline {{ record.deadline | date: '%d.%m.%Y %H:%M' }} UTC and is still '{{ record.status }}'.",
        "{{ record.assignees | size }} assigned: {{ record.assignees | join: ', ' }}; {{ record.key | upcase }}; {{ record.data.missing | default: 'none' }}",
    ];

    static DotLiquidParityTests() => Liquid.UseRubyDateFormat = true;

    [Theory]
    [MemberData(nameof(DemoTexts))]
    public void DemoText_RendersTheSameAsWithDotLiquid(string text)
    {
        foreach (var pickup in new[] { "Storgata 1", null })
        {
            var model = Model(pickup);

            var fluid = new TemplateRenderer().Render(text, model);
            var dotLiquid = Template.Parse(text).Render(new RenderParameters(System.Globalization.CultureInfo.InvariantCulture)
            {
                LocalVariables = Hash.FromDictionary(ToDotLiquid(model)),
            });

            Assert.Equal(dotLiquid, fluid);
        }
    }

    private static Dictionary<string, object?> Model(string? pickup) => new()
    {
        ["record"] = new Dictionary<string, object?>
        {
            ["type"] = "task", ["key"] = "T-17", ["status"] = "open", ["title"] = "Change the filter", ["deadline"] = Deadline,
            ["assignees"] = new List<object?> { "per", "anna" },
            ["data"] = pickup is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["pickup"] = pickup },
        },
        ["recipient"] = new Dictionary<string, object?> { ["first_name"] = "Åse", ["name"] = "Åse Ødegård" },
    };

    private static Dictionary<string, object> ToDotLiquid(Dictionary<string, object?> model) =>
        model.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            Dictionary<string, object?> inner => (object)Hash.FromDictionary(ToDotLiquid(inner)),
            null => null!,
            var other => other,
        });
}
