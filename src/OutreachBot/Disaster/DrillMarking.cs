using System.Globalization;
using System.Text.Json.Nodes;
using OutreachBot.Broadcasts;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.Disaster;

/// <summary>
/// A drill's broadcast to everyone says 訓練 in every message, in the reader's language: each language gets its own
/// variant (the Japanese one copied where staff wrote none), every text and notification text (altText) wrapped in
/// that language's <see cref="DisasterTextKeys.Drill"/> (an image's description, which LINE never shows, aside), and a variant without any text leads with the mark alone.
/// </summary>
public sealed class DrillMarking(Database database, TextCatalog texts)
{
    /// <summary>The messages a run of this broadcast sends: marked when it is bound to a drill, else as written.</summary>
    public async Task<string> ForRunAsync(BroadcastTarget target, string messagesJson, CancellationToken cancellationToken)
    {
        if (target.AllUnderSwitch is not { } switchId)
        {
            return messagesJson;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await DisasterSwitchStore.FindAsync(connection, switchId, cancellationToken) is { Drill: true } ? Mark(messagesJson) : messagesJson;
    }

    public string Mark(string messagesJson)
    {
        var written = JsonNode.Parse(messagesJson)!.AsObject();
        var marked = new JsonObject();
        foreach (var (language, _) in Languages.Supported)
        {
            var messages = (written[language] ?? written[Languages.Japanese])!.DeepClone().AsArray();
            var format = texts.Get(DisasterTextKeys.Drill, language);
            var wrapped = messages.OfType<JsonObject>().Count(message => Wrap(message, format));
            if (wrapped == 0 && messages.Count < LineLimits.MessagesPerRequest)
            {
                messages.Insert(0, new JsonObject { ["type"] = "text", ["text"] = Format(format, "").Trim() });
            }

            marked[language] = messages;
        }

        return marked.ToJsonString();
    }

    private static bool Wrap(JsonObject message, string format)
    {
        var type = (string?)message["type"];
        var property = type == "text" ? "text" : "altText";
        if (type == "image" || message[property] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return false;
        }

        message[property] = Format(format, text);
        return true;
    }

    private static string Format(string format, string text) => string.Format(CultureInfo.InvariantCulture, format, text);
}
