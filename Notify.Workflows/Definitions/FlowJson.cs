using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Notify.Workflows.Definitions;

/// <summary>The one JSON shape of flow definitions, shared by storage, the API and the designer.</summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(FlowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static FlowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<FlowDefinition>(json, Options) ?? throw new JsonException("The flow definition is empty.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true, // "steps": null is refused naming the field, not a crash later
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new Notify.Domain.Common.NoNulStringConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StepKindsAsDerivedTypes } };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A step's <c>kind</c> names its type: the kinds come from <see cref="Steps.StepKinds"/>, not from a list kept here.</summary>
    public static void StepKindsAsDerivedTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(StepDefinition))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        foreach (var kind in Steps.StepKinds.All)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.DefinitionType, kind.Kind));
        }
    }
}
