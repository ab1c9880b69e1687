using System.Text;
using System.Text.Json;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

public class WebhookEventParserTests
{
    // What each fixture's "type" must become, written out here rather than read from the model under test.
    private static readonly Dictionary<string, Type> EventRecords = new(StringComparer.Ordinal)
    {
        ["message"] = typeof(MessageEvent),
        ["messageEdited"] = typeof(MessageEditedEvent),
        ["unsend"] = typeof(UnsendEvent),
        ["follow"] = typeof(FollowEvent),
        ["unfollow"] = typeof(UnfollowEvent),
        ["join"] = typeof(JoinEvent),
        ["leave"] = typeof(LeaveEvent),
        ["memberJoined"] = typeof(MemberJoinedEvent),
        ["memberLeft"] = typeof(MemberLeftEvent),
        ["postback"] = typeof(PostbackEvent),
        ["videoPlayComplete"] = typeof(VideoPlayCompleteEvent),
        ["beacon"] = typeof(BeaconEvent),
        ["accountLink"] = typeof(AccountLinkEvent),
        ["membership"] = typeof(MembershipEvent),
        ["module"] = typeof(ModuleEvent),
        ["activated"] = typeof(ActivatedEvent),
        ["deactivated"] = typeof(DeactivatedEvent),
        ["botSuspended"] = typeof(BotSuspendedEvent),
        ["botResumed"] = typeof(BotResumedEvent),
        ["delivery"] = typeof(PnpDeliveryCompletionEvent),
        ["greatNewFeature"] = typeof(UnknownEvent),
        ["undefined"] = typeof(UnknownEvent),
        ["__unknown__"] = typeof(UnknownEvent),
    };

    private static readonly Dictionary<string, Type> MessageRecords = new(StringComparer.Ordinal)
    {
        ["text"] = typeof(TextMessageContent),
        ["image"] = typeof(ImageMessageContent),
        ["video"] = typeof(VideoMessageContent),
        ["audio"] = typeof(AudioMessageContent),
        ["file"] = typeof(FileMessageContent),
        ["location"] = typeof(LocationMessageContent),
        ["sticker"] = typeof(StickerMessageContent),
        ["unknownunknownuknown"] = typeof(UnknownMessageContent),
        ["__unknown__"] = typeof(UnknownMessageContent),
    };

    private static readonly Dictionary<string, Type> SourceRecords = new(StringComparer.Ordinal)
    {
        ["user"] = typeof(UserSource),
        ["group"] = typeof(GroupSource),
        ["room"] = typeof(RoomSource),
        ["unknownunknownuknown"] = typeof(UnknownSource),
        ["__unknown__"] = typeof(UnknownSource),
    };

    public static TheoryData<string, int> FixtureEvents() => FixtureFiles.EventPositions();

    public static TheoryData<string> Bodies() => FixtureFiles.BodyNamesWithDestination();

    [Theory]
    [MemberData(nameof(FixtureEvents))]
    public void Parse_FixtureEvent_GivesTheTypedRecordForItsType(string name, int index)
    {
        var json = FixtureFiles.EventJson(name, index);
        using var document = JsonDocument.Parse(json);
        var sent = document.RootElement;
        var type = sent.GetProperty("type").GetString()!;

        var parsed = WebhookEventParser.Parse(json);

        Assert.True(EventRecords.TryGetValue(type, out var expected), $"No expectation for event type '{type}'.");
        Assert.IsType(expected, parsed);
        Assert.Equal(sent.GetProperty("timestamp").GetInt64(), parsed.Timestamp);
        Assert.Equal(sent.TryGetProperty("webhookEventId", out var id) ? id.GetString() : null, parsed.WebhookEventId);
        Assert.Equal(sent.TryGetProperty("mode", out var mode) ? Enum.Parse<EventMode>(mode.GetString()!, ignoreCase: true) : EventMode.Unknown, parsed.Mode);
        Assert.Equal(sent.TryGetProperty("deliveryContext", out var context) && context.GetProperty("isRedelivery").GetBoolean(), parsed.IsRedelivery);
        if (sent.TryGetProperty("source", out var source))
        {
            Assert.IsType(SourceRecords[source.GetProperty("type").GetString()!], parsed.Source);
        }
        else
        {
            Assert.Null(parsed.Source);
        }

        if (parsed is MessageEvent or MessageEditedEvent)
        {
            var message = sent.GetProperty("message");
            var content = parsed is MessageEvent m ? m.Message : ((MessageEditedEvent)parsed).Message;
            Assert.IsType(MessageRecords[message.GetProperty("type").GetString()!], content);
            Assert.Equal(message.GetProperty("id").GetString(), content.Id);
        }

        if (parsed is UnknownEvent unknown)
        {
            Assert.Equal(type, unknown.Type);
            Assert.Equal(json, unknown.Json.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ParseBody_FixtureBody_ReadsTheDestinationAndEveryEventAsParseDoes(string name)
    {
        var body = FixtureFiles.Bytes(name);
        using var document = JsonDocument.Parse(body);
        var events = document.RootElement.GetProperty("events");

        var payload = WebhookEventParser.ParseBody(body);

        Assert.Equal(document.RootElement.GetProperty("destination").GetString(), payload.Destination);
        Assert.Equal(events.GetArrayLength(), payload.Events.Count);
        for (var i = 0; i < payload.Events.Count; i++)
        {
            Assert.Equal(WebhookEventParser.Parse(events[i].GetRawText()), payload.Events[i], new SameRecordTypeAndTimestamp());
        }
    }

    [Fact]
    public void ParseBody_VerifyBody_HasNoEvents()
    {
        var payload = WebhookEventParser.ParseBody(FixtureFiles.Bytes("line-docs/verify-webhook-url-body.json"));

        Assert.Equal("U8e742f61d673b39c7fff3cecb7536ef0", payload.Destination);
        Assert.Empty(payload.Events);
    }

    [Fact]
    public void ParseBody_BodyWithoutDestination_ThrowsNamingIt()
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookEventParser.ParseBody(FixtureFiles.Bytes(FixtureFiles.BodyWithoutDestination)));

        Assert.Contains("destination", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"destination\":\"U1\"}")]
    [InlineData("{\"destination\":\"U1\",\"events\":{}}")]
    [InlineData("{\"destination\":\"U1\",\"events\":[null]}")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":\"follow\"}]}")]
    [InlineData("{\"destination\":\"U1\",\"events\":[]} trailing")]
    public void ParseBody_NotAWebhookBody_ThrowsWebhookParseException(string body) =>
        Assert.Throws<WebhookParseException>(() => WebhookEventParser.ParseBody(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("", "does not contain any JSON tokens")]
    [InlineData("not json", "not valid")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("{\"type\":\"follow\",\"timestamp\":1,\"replyToken\":\"r\"} {}", "after a single JSON value")]
    [InlineData("{\"type\":\"follow\",\"timestamp\":1,\"replyToken\":\"r\"", "not valid")]
    [InlineData("{\"type\":\"follow\",\"replyToken\":\"r\"}", "timestamp")]
    [InlineData("{\"type\":\"message\",\"timestamp\":1,\"message\":{\"type\":\"text\",\"id\":\"1\"}}", "text")]
    [InlineData("{\"type\":\"message\",\"timestamp\":1}", "message")]
    [InlineData("{\"type\":\"message\",\"timestamp\":1,\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":null}}", "text")]
    [InlineData("{\"type\":\"postback\",\"timestamp\":\"soon\",\"postback\":{\"data\":\"d\"}}", "timestamp")]
    [InlineData("{\"type\":\"beacon\",\"timestamp\":1,\"replyToken\":\"r\",\"beacon\":{\"hwid\":\"h\",\"type\":7}}", "BeaconEventType")]
    public void Parse_MalformedEvent_ThrowsWebhookParseExceptionSayingWhat(string json, string expected)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookEventParser.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TypeAfterEveryOtherProperty_StillPicksTheRecord()
    {
        const string json = """
            {"timestamp":1,"message":{"text":"hi","id":"9","type":"text"},"source":{"userId":"U1","type":"user"},"replyToken":"r","type":"message"}
            """;

        var parsed = Assert.IsType<MessageEvent>(WebhookEventParser.Parse(json));

        Assert.Equal("hi", Assert.IsType<TextMessageContent>(parsed.Message).Text);
        Assert.Equal("U1", Assert.IsType<UserSource>(parsed.Source).UserId);
    }

    private sealed class SameRecordTypeAndTimestamp : IEqualityComparer<WebhookEvent>
    {
        public bool Equals(WebhookEvent? x, WebhookEvent? y) =>
            x?.GetType() == y?.GetType() && x?.Timestamp == y?.Timestamp && x?.WebhookEventId == y?.WebhookEventId;

        public int GetHashCode(WebhookEvent obj) => obj.Timestamp.GetHashCode();
    }
}
