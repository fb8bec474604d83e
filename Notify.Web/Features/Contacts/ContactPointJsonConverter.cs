using System.Text.Json;
using System.Text.Json.Serialization;
using Notify.Domain.Contacts;

namespace Notify.Web.Features.Contacts;

/// <summary>An email or phone in JSON: a plain string, or <c>{ "value", "label", "primary", "notify" }</c>.</summary>
public sealed class ContactPointJsonConverter : JsonConverter<ContactPoint>
{
    public override ContactPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ContactPoint(reader.GetString() ?? "");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("must be a string or an object { \"value\", \"label\", \"primary\", \"notify\" }.");
        }

        string? value = null, label = null;
        bool primary = false, notify = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "value": value = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("value must be a string."); break;
                case "label": label = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                case "primary": primary = reader.TokenType == JsonTokenType.True; break;
                case "notify": notify = reader.TokenType == JsonTokenType.True; break;
                default: throw new JsonException($"'{name}' is not a field of an email or phone (value, label, primary, notify).");
            }
        }

        return value is null ? throw new JsonException("value is required.") : new ContactPoint(value, label, primary, notify);
    }

    public override void Write(Utf8JsonWriter writer, ContactPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        if (value.Label is not null) writer.WriteString("label", value.Label);
        writer.WriteBoolean("primary", value.Primary);
        writer.WriteBoolean("notify", value.Notify);
        writer.WriteEndObject();
    }
}
