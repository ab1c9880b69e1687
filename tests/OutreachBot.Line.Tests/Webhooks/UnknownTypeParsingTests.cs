using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

/// <summary>Types and values LINE may add later must not fail an event: they fall back and keep what was sent.</summary>
public class UnknownTypeParsingTests
{
    [Fact]
    public void Parse_UnknownEventType_KeepsTheRawTypeJsonAndCommonFields()
    {
        var json = FixtureFiles.EventJson("java-callback/unknown.json", 0);

        var unknown = Assert.IsType<UnknownEvent>(WebhookEventParser.Parse(json));

        Assert.Equal("greatNewFeature", unknown.Type);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", unknown.Json.GetProperty("replyToken").GetString());
        Assert.Equal(1462629479859, unknown.Timestamp);
        Assert.Equal(EventMode.Active, unknown.Mode);
        Assert.Equal("U012345678901234567890123456789ab", Assert.IsType<UserSource>(unknown.Source).UserId);
    }

    [Fact]
    public void Parse_UnknownMessageAndSourceTypes_KeepTheEventTypedAndTheRawParts()
    {
        var parsed = FixtureFiles.Event<MessageEvent>("java-callback/unknown.json", 1);

        var message = Assert.IsType<UnknownMessageContent>(parsed.Message);
        Assert.Equal("unknownunknownuknown", message.Type);
        Assert.Equal("325708", message.Id);
        Assert.Equal("blah blah", message.Json.GetProperty("unknown").GetString());
        Assert.Equal("unknownunknownuknown", Assert.IsType<UnknownSource>(parsed.Source).Type);
    }

    [Fact]
    public void Parse_UnknownEventWithExtraFields_KeepsThemInJson()
    {
        var unknown = Assert.IsType<UnknownEvent>(FixtureFiles.Event("python/webhook-v3.json", 27));

        Assert.Equal("undefined", unknown.Type);
        Assert.Equal(1, unknown.Json.GetProperty("undefinedField").GetProperty("1").GetInt32());
        Assert.True(unknown.IsRedelivery);
    }

    [Fact]
    public void Parse_EventWithoutType_IsUnknownWithAnEmptyType()
    {
        var unknown = Assert.IsType<UnknownEvent>(WebhookEventParser.Parse("""{"timestamp":5}"""));

        Assert.Equal(string.Empty, unknown.Type);
    }

    [Theory]
    [InlineData("""{"type":"membership","timestamp":1,"replyToken":"r","membership":{"type":"upgraded","membershipId":3}}""")]
    [InlineData("""{"type":"module","timestamp":1,"module":{"type":"suspended","botId":"b"}}""")]
    [InlineData("""{"type":"message","timestamp":1,"message":{"type":"text","id":"1","text":"@x","mention":{"mentionees":[{"type":"bot","index":0,"length":2}]}}}""")]
    public void Parse_UnknownNestedType_FallsBackWithoutFailingTheEvent(string json)
    {
        var parsed = WebhookEventParser.Parse(json);

        object nested = parsed switch
        {
            MembershipEvent e => e.Membership,
            ModuleEvent e => e.Module,
            MessageEvent e => Assert.Single(Assert.IsType<TextMessageContent>(e.Message).Mention!.Mentionees),
            _ => parsed,
        };
        Assert.IsAssignableFrom<IUnknownVariant>(nested);
    }

    [Fact]
    public void Parse_UnknownModeValue_IsUnknownRatherThanAnError()
    {
        var parsed = WebhookEventParser.Parse("""{"type":"unfollow","timestamp":1,"mode":"paused"}""");

        Assert.Equal(EventMode.Unknown, parsed.Mode);
    }

    [Fact]
    public void Parse_UnknownStickerResourceType_IsUnknownRatherThanAnError()
    {
        const string json = """
            {"type":"message","timestamp":1,"message":{"type":"sticker","id":"1","packageId":"1","stickerId":"2","stickerResourceType":"HOLOGRAM"}}
            """;

        var sticker = Assert.IsType<StickerMessageContent>(Assert.IsType<MessageEvent>(WebhookEventParser.Parse(json)).Message);

        Assert.Equal(StickerResourceType.Unknown, sticker.StickerResourceType);
    }
}
