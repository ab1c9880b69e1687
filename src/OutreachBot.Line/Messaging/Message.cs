using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <summary>A LINE message object (<c>Message</c> in messaging-api.yml), written with its <c>type</c> first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(StickerMessage), "sticker")]
[JsonDerivedType(typeof(ImageMessage), "image")]
[JsonDerivedType(typeof(VideoMessage), "video")]
[JsonDerivedType(typeof(AudioMessage), "audio")]
[JsonDerivedType(typeof(LocationMessage), "location")]
[JsonDerivedType(typeof(ImagemapMessage), "imagemap")]
[JsonDerivedType(typeof(TemplateMessage), "template")]
[JsonDerivedType(typeof(FlexMessage), "flex")]
// No discriminator: a raw message already carries its own "type" and is written as it is.
[JsonDerivedType(typeof(RawMessage))]
public abstract record Message
{
    public QuickReply? QuickReply { get; init; }

    public Sender? Sender { get; init; }
}

/// <summary>Changes the icon and display name shown for one message.</summary>
public sealed record Sender(string? Name = null, string? IconUrl = null);

/// <summary>Up to 5,000 UTF-16 code units of text; <c>$</c> placeholders are replaced by <see cref="Emojis"/>.</summary>
public sealed record TextMessage(string Text) : Message
{
    public IReadOnlyList<Emoji>? Emojis { get; init; }

    public string? QuoteToken { get; init; }

    public static TextMessage Create(string text, QuickReply? quickReply = null) => new(text) { QuickReply = quickReply };
}

public sealed record Emoji(int Index, string ProductId, string EmojiId);

public sealed record StickerMessage(string PackageId, string StickerId) : Message
{
    public string? QuoteToken { get; init; }
}

public sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : Message;

public sealed record VideoMessage(string OriginalContentUrl, string PreviewImageUrl) : Message
{
    public string? TrackingId { get; init; }
}

/// <param name="Duration">Length of the audio in milliseconds.</param>
public sealed record AudioMessage(string OriginalContentUrl, long Duration) : Message;

public sealed record LocationMessage(string Title, string Address, double Latitude, double Longitude) : Message;

/// <summary>
/// A message object written exactly as given, for messages staff composed as LINE JSON (broadcasts).
/// Its quick reply and sender, if any, are whatever the JSON holds; the record's own properties are ignored.
/// </summary>
[JsonConverter(typeof(RawMessageConverter))]
public sealed record RawMessage(JsonElement Json) : Message
{
    public static RawMessage Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new RawMessage(document.RootElement.Clone());
    }

    /// <summary>The message's <c>type</c>, or null when the JSON has none.</summary>
    public string? Type =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}

internal sealed class RawMessageConverter : JsonConverter<RawMessage>
{
    public override RawMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, RawMessage value, JsonSerializerOptions options) =>
        value.Json.WriteTo(writer);
}
