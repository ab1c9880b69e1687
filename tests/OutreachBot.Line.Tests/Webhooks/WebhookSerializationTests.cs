using System.Text.Json;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

/// <summary>
/// Writing a parsed payload back must give JSON that holds every field LINE sent, under the same name and
/// value: a misspelt or missing property shows up here. The emulator relies on this to build webhooks.
/// </summary>
public class WebhookSerializationTests
{
    // Fields a fixture carries that webhook.yml does not define, so the models leave them out on purpose.
    private static readonly HashSet<string> NotInSpec = new(StringComparer.Ordinal)
    {
        "python/webhook-v3.json $.events[3].message.quoteToken", // audio has no quoteToken in webhook.yml
    };

    public static TheoryData<string> Bodies() => FixtureFiles.BodyNamesWithDestination();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Serialize_ParsedFixtureBody_KeepsEveryFieldLineSent(string name)
    {
        using var sent = FixtureFiles.Document(name);

        var written = JsonSerializer.SerializeToUtf8Bytes(WebhookEventParser.ParseBody(FixtureFiles.Bytes(name)), WebhookJsonContext.Default.WebhookPayload);

        using var document = JsonDocument.Parse(written);
        AssertContains(sent.RootElement, document.RootElement, $"{name} $");
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Serialize_ParsedFixtureBody_ReadsBackToTheSameJson(string name)
    {
        var once = JsonSerializer.Serialize(WebhookEventParser.ParseBody(FixtureFiles.Bytes(name)), WebhookJsonContext.Default.WebhookPayload);

        var twice = JsonSerializer.Serialize(WebhookEventParser.ParseBody(System.Text.Encoding.UTF8.GetBytes(once)), WebhookJsonContext.Default.WebhookPayload);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Serialize_BuiltEvent_WritesTypeFirstAndLeavesAbsentFieldsOut()
    {
        var payload = new WebhookPayload
        {
            Destination = "U0",
            Events =
            [
                new FollowEvent { Timestamp = 1, ReplyToken = "r", Source = new UserSource { UserId = "U1" }, Mode = EventMode.Active },
            ],
        };

        var json = JsonSerializer.Serialize(payload, WebhookJsonContext.Default.WebhookPayload);

        Assert.Equal(
            """{"destination":"U0","events":[{"type":"follow","replyToken":"r","timestamp":1,"mode":"active","source":{"type":"user","userId":"U1"}}]}""",
            json);
    }

    private static void AssertContains(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: sent {expected.ValueKind}, written {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject().Where(p => !NotInSpec.Contains($"{path}.{p.Name}")))
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} was not written back.");
                    AssertContains(property.Value, value, $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertContains(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDouble() == actual.GetDouble(), $"{path}: sent {expected}, written {actual}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{path}: sent {expected}, written {actual}");
                break;
        }
    }
}
