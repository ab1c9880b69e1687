using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

public sealed class MessageSerializationTests
{
    private static JsonNode Write(Message message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, LineJsonContext.Default.Message))!;

    [Fact]
    public void TextMessage_WithQuickReply_WritesLineFieldNamesTypeFirstAndNoNulls()
    {
        var json = JsonSerializer.Serialize<Message>(
            TextMessage.Create("hi", QuickReply.Of(new PostbackAction("Yes", "a=1"))), LineJsonContext.Default.Message);

        Assert.Equal(
            """{"type":"text","text":"hi","quickReply":{"items":[{"action":{"type":"postback","data":"a=1","label":"Yes"},"type":"action"}]}}""",
            json);
    }

    [Fact]
    public void RawMessage_Serialized_WritesTheJsonAsGiven()
    {
        const string raw = """{"type":"sticker","packageId":"446","stickerId":"1988"}""";
        var request = new PushMessageRequest("U1", [RawMessage.Parse(raw), new TextMessage("x")]);

        var json = JsonSerializer.Serialize(request, LineJsonContext.Default.PushMessageRequest);

        Assert.Equal($$"""{"to":"U1","messages":[{{raw}},{"type":"text","text":"x"}]}""", json);
    }

    [Fact]
    public void FlexBubble_InCarousel_WritesTypeOfEveryContainerAndComponent()
    {
        var json = Write(new FlexMessage("alt", new FlexCarousel([SampleMessages.Bubble()])));

        var bubble = json["contents"]!["contents"]![0]!;
        Assert.Equal("carousel", (string?)json["contents"]!["type"]);
        Assert.Equal("bubble", (string?)bubble["type"]);
        Assert.Equal("box", (string?)bubble["body"]!["type"]);
        Assert.Equal("vertical", (string?)bubble["body"]!["layout"]);
        Assert.Equal("span", (string?)bubble["body"]!["contents"]![3]!["contents"]![0]!["type"]);
        Assert.Equal("primary", (string?)bubble["footer"]!["contents"]![0]!["style"]);
    }

    [Fact]
    public void Actions_OfEachKind_WriteLineTypeNames()
    {
        var items = Write(TextMessage.Create("x", SampleMessages.AllQuickReplyActions()))["quickReply"]!["items"]!.AsArray();

        Assert.Equal(
            ["postback", "message", "uri", "datetimepicker", "camera", "cameraRoll", "location", "richmenuswitch"],
            items.Select(i => (string?)i!["action"]!["type"]));
        Assert.Equal("date", (string?)items[3]!["action"]!["mode"]);
    }

    [Fact]
    public void Message_Deserialized_ReadsTheSubtypeFromType()
    {
        var message = JsonSerializer.Deserialize("""{"type":"sticker","packageId":"1","stickerId":"2"}""", LineJsonContext.Default.Message);

        Assert.Equal(new StickerMessage("1", "2"), message);
    }

    [Fact]
    public void Truncate_TextLongerThanLimit_CutsWithoutSplittingSurrogatePairs()
    {
        Assert.Equal("ab…", LineLimits.Truncate("abcdef", 3));
        Assert.Equal("a…", LineLimits.Truncate("a😀bc", 3));
        Assert.Equal("short", LineLimits.Truncate("short", 20));
    }
}
