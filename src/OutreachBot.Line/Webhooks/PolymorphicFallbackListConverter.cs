using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>The same fallback for every item of an array, for lists of polymorphic objects (events, mentionees).</summary>
internal class PolymorphicFallbackListConverter<TBase, TItemConverter> : JsonConverter<IReadOnlyList<TBase>>
    where TBase : class
    where TItemConverter : PolymorphicFallbackConverter<TBase>, new()
{
    private static readonly TItemConverter Item = new();

    public override IReadOnlyList<TBase> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of {typeof(TBase).Name}, found {reader.TokenType}.");
        }

        var items = new List<TBase>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(Item.Read(ref reader, typeof(TBase), options) ?? throw new JsonException($"A {typeof(TBase).Name} must not be null."));
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TBase> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            Item.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
