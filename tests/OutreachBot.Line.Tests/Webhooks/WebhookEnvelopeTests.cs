using System.Text;
using System.Text.Json;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

public class WebhookEnvelopeTests
{
    public static TheoryData<string> Bodies() => FixtureFiles.BodyNamesWithDestination();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void TryRead_FixtureBody_ReadsEveryEventWithIdSourceAndRedelivery(string name)
    {
        var body = FixtureFiles.Bytes(name);
        using var document = JsonDocument.Parse(body);
        var events = document.RootElement.GetProperty("events");

        var envelope = WebhookEnvelope.TryRead(body, out var error);

        Assert.NotNull(envelope);
        Assert.Null(error);
        Assert.Equal(document.RootElement.GetProperty("destination").GetString(), envelope.Destination);
        Assert.Equal(events.GetArrayLength(), envelope.Events.Count);
        for (var i = 0; i < envelope.Events.Count; i++)
        {
            var sent = events[i];
            var raw = envelope.Events[i];
            Assert.Equal(sent.GetProperty("type").GetString(), raw.Type);
            Assert.Equal(sent.GetProperty("timestamp").GetInt64(), raw.Timestamp);
            Assert.Equal(sent.GetRawText(), raw.Json);
            Assert.Equal(ExpectedId(sent), raw.EventId);
            Assert.Equal(ExpectedSourceKey(sent), raw.SourceKey);
            Assert.Equal(sent.TryGetProperty("deliveryContext", out var context) && context.GetProperty("isRedelivery").GetBoolean(), raw.IsRedelivery);
        }
    }

    [Fact]
    public void TryRead_RedeliveredEvent_KeepsItsIdAndFlagsIt()
    {
        var raw = Assert.Single(Read("java-callback/webhook-redelivery.json").Events);

        Assert.Equal("01G2KZKG2DS765NMRH3GZFD8AP", raw.EventId);
        Assert.True(raw.IsRedelivery);
    }

    [Fact]
    public void TryRead_EventWithoutWebhookEventId_GetsAStableHashOfItsBytes()
    {
        var first = Assert.Single(Read("java-callback/follow.json").Events);
        var again = Assert.Single(Read("java-callback/follow.json").Events);
        var other = Assert.Single(Read("java-callback/unfollow.json").Events);

        Assert.StartsWith("sha256:", first.EventId, StringComparison.Ordinal);
        Assert.Equal(71, first.EventId.Length);
        Assert.Equal(first.EventId, again.EventId);
        Assert.NotEqual(first.EventId, other.EventId);
        Assert.False(first.IsRedelivery);
    }

    [Theory]
    [InlineData("java-callback/text-user.json", 0, "u206d25c2ea6bd87c17655609a1c37cb8")]
    [InlineData("java-callback/message-edited.json", 0, "cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("python/webhook-v3.json", 15, "Ra8dbf4673c4c812cd491258042226c99")]
    [InlineData("php/event-request-parser-body.json", 38, null)]
    public void TryRead_Source_KeysTheConversationByGroupThenRoomThenUser(string name, int index, string? expected) =>
        Assert.Equal(expected, Read(name).Events[index].SourceKey);

    [Fact]
    public void TryRead_VerifyBodyWithNoEvents_IsAnEmptyEnvelope()
    {
        var envelope = Read("line-docs/verify-webhook-url-body.json");

        Assert.Equal("U8e742f61d673b39c7fff3cecb7536ef0", envelope.Destination);
        Assert.Empty(envelope.Events);
    }

    [Fact]
    public void TryRead_BodyWithoutDestination_SaysSo()
    {
        Assert.Null(WebhookEnvelope.TryRead(FixtureFiles.Bytes(FixtureFiles.BodyWithoutDestination), out var error));
        Assert.Contains("destination", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"destination\":\"U1\",\"events\":[]", "not valid JSON")]
    [InlineData("<xml/>", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("\"text\"", "not a JSON object")]
    [InlineData("{\"events\":[]}", "'destination'")]
    [InlineData("{\"destination\":7,\"events\":[]}", "'destination'")]
    [InlineData("{\"destination\":\"U1\"}", "'events'")]
    [InlineData("{\"destination\":\"U1\",\"events\":{}}", "'events'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[1]}", "events[0]: an event is not a JSON object")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"timestamp\":1}]}", "events[0]: an event has no 'type'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":1,\"timestamp\":1}]}", "events[0]: an event has no 'type'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":\"follow\"}]}", "events[0]: an event has no numeric 'timestamp'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":\"follow\",\"timestamp\":\"1\"}]}", "events[0]: an event has no numeric 'timestamp'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":\"follow\",\"timestamp\":1.5}]}", "events[0]: an event has no numeric 'timestamp'")]
    [InlineData("{\"destination\":\"U1\",\"events\":[{\"type\":\"follow\",\"timestamp\":1},{\"type\":\"follow\"}]}", "events[1]:")]
    public void TryRead_NotALineWebhook_GivesAClearError(string body, string expected)
    {
        Assert.Null(WebhookEnvelope.TryRead(Encoding.UTF8.GetBytes(body), out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static WebhookEnvelope Read(string name)
    {
        var envelope = WebhookEnvelope.TryRead(FixtureFiles.Bytes(name), out var error);
        Assert.True(envelope is not null, error);
        return envelope;
    }

    private static string ExpectedId(JsonElement sent) =>
        sent.TryGetProperty("webhookEventId", out var id)
            ? id.GetString()!
            : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sent.GetRawText())));

    private static string? ExpectedSourceKey(JsonElement sent)
    {
        if (!sent.TryGetProperty("source", out var source))
        {
            return null;
        }

        foreach (var name in new[] { "groupId", "roomId", "userId" })
        {
            if (source.TryGetProperty(name, out var value))
            {
                return value.GetString();
            }
        }

        return null;
    }
}
