using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Domain.Common;

/// <summary>
/// Reads JSON strings as usual but refuses the NUL character, which neither database stores as text (PostgreSQL
/// rejects it): the body is refused naming the field instead of failing when saved.
/// </summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("must not contain the NUL character (\\u0000).")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
