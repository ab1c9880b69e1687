using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// Put on properties whose type is a <c>[JsonPolymorphic]</c> base. Known <c>type</c> values go to that base's
/// polymorphic contract unchanged; unknown ones become the hierarchy's unknown record instead of failing the
/// whole webhook, because System.Text.Json throws on an unrecognized discriminator (and
/// <c>IgnoreUnrecognizedTypeDiscriminators</c> only falls back to a concrete base, losing the type and JSON).
/// </summary>
internal abstract class PolymorphicFallbackConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var contract = (JsonTypeInfo<TBase>)options.GetTypeInfo(typeof(TBase));
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize(ref reader, contract); // fails with the serializer's own message
        }

        var type = PeekType(reader);
        if (type is not null && IsKnown(contract, type))
        {
            return JsonSerializer.Deserialize(ref reader, contract);
        }

        return CreateUnknown(type ?? string.Empty, JsonElement.ParseValue(ref reader), options);
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value is IUnknownVariant unknown)
        {
            unknown.Json.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<TBase>)options.GetTypeInfo(typeof(TBase)));
    }

    /// <summary>Builds the unknown record, reading the base's own fields from <paramref name="json"/> where it has any.</summary>
    protected abstract TBase CreateUnknown(string type, JsonElement json, JsonSerializerOptions options);

    protected static T ReadAs<T>(JsonElement json, JsonSerializerOptions options) =>
        json.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException($"Expected a {typeof(T).Name} object.");

    // A copy of the reader scans the object's own properties; the original stays at the object's start.
    private static string? PeekType(Utf8JsonReader probe)
    {
        probe.Read();
        while (probe.TokenType == JsonTokenType.PropertyName)
        {
            var isType = probe.ValueTextEquals("type"u8);
            probe.Read();
            if (isType)
            {
                return probe.TokenType == JsonTokenType.String ? probe.GetString() : null;
            }

            probe.Skip();
            probe.Read();
        }

        return null;
    }

    private static bool IsKnown(JsonTypeInfo contract, string type)
    {
        foreach (var derived in contract.PolymorphismOptions?.DerivedTypes ?? [])
        {
            if (derived.TypeDiscriminator is string known && known == type)
            {
                return true;
            }
        }

        return false;
    }
}
