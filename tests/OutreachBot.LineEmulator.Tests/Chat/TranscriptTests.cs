using System.Net.Http.Headers;
using System.Text.Json;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>The transcript, polled with <c>after</c> or streamed, shows both sides in order, as data.</summary>
public sealed class TranscriptTests
{
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Transcript_WithAfter_ReturnsOnlyLaterLinesInOrder()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");
        AddBotText(host, userId, "ようこそ！");
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "イベント" });
        AddBotText(host, userId, "今週のイベントです");

        var all = await host.GetAsync($"/_emulator/chat/citizens/{userId}/transcript");
        var lines = all.GetProperty("lines").EnumerateArray().ToList();
        var after = lines[1].GetProperty("sequence").GetInt64();
        var later = await host.GetAsync($"/_emulator/chat/citizens/{userId}/transcript?after={after}");

        Assert.Equal(["citizen", "bot", "citizen", "bot"], lines.Select(l => l.GetProperty("speaker").GetString()));
        Assert.Equal("follow", lines[0].GetProperty("content").GetProperty("type").GetString());
        Assert.Equal("ようこそ！", lines[1].GetProperty("content").GetProperty("text").GetString());
        var sequences = lines.Select(l => l.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences[2..], later.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sequence").GetInt64()));
        Assert.Equal(sequences[^1], later.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task Transcript_AnotherCitizen_IsNotMixedIn()
    {
        await using var host = await ChatHost.StartAsync();
        var alice = await host.CreateCitizenAsync("Alice", "en");
        var joao = await host.CreateCitizenAsync("João", "pt-BR");
        await host.PostAsync($"/_emulator/chat/citizens/{alice}/messages", new { text = "hello" });
        await host.PostAsync($"/_emulator/chat/citizens/{joao}/messages", new { text = "olá" });

        var transcript = await host.GetAsync($"/_emulator/chat/citizens/{joao}/transcript");

        var line = Assert.Single(transcript.GetProperty("lines").EnumerateArray().ToList());
        Assert.Equal("olá", line.GetProperty("content").GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Transcript_TextWithScriptTag_IsReturnedAsJsonDataNotHtml()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        const string citizenText = "<script>alert('citizen')</script>";
        const string botText = "<img src=x onerror=alert(1)>";
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = citizenText });
        AddBotText(host, userId, botText);

        using var response = await host.Client.GetAsync($"/_emulator/chat/citizens/{userId}/transcript");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
        var lines = JsonDocument.Parse(raw).RootElement.GetProperty("lines");
        Assert.Equal(citizenText, lines[0].GetProperty("content").GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(botText, lines[1].GetProperty("content").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Stream_BotLineAdded_IsDeliveredAsServerSentEvent()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        using var timeout = new CancellationTokenSource(StreamWait);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/_emulator/chat/citizens/{userId}/stream");
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        AddBotText(host, userId, "お知らせ：清掃ボランティア募集");
        var (type, id, data) = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("line", type);
        var line = JsonDocument.Parse(data).RootElement;
        Assert.Equal("bot", line.GetProperty("speaker").GetString());
        Assert.Equal("push", line.GetProperty("via").GetString());
        Assert.Equal("お知らせ：清掃ボランティア募集", line.GetProperty("content").GetProperty("text").GetString());
        Assert.Equal(line.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), id);
    }

    [Fact]
    public async Task Stream_CitizenAction_DeliversLineThenDeliveryOutcome()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        host.Bot.AnswerStatus = 500;
        using var timeout = new CancellationTokenSource(StreamWait);
        using var response = await host.Client.GetAsync($"/_emulator/chat/citizens/{userId}/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");
        var events = new List<(string Type, string? Id, string Data)>();
        while (!events.Any(e => e.Type == "delivery" && e.Data.Contains("\"failed\"", StringComparison.Ordinal)))
        {
            events.Add(await NextEventAsync(reader, timeout.Token));
        }

        Assert.Equal("line", events[0].Type);
        Assert.Equal("citizen", JsonDocument.Parse(events[0].Data).RootElement.GetProperty("speaker").GetString());
        Assert.Equal(500, JsonDocument.Parse(events[^1].Data).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Stream_LastEventId_ResumesAfterThatLine()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        var first = AddBotText(host, userId, "一");
        var second = AddBotText(host, userId, "二");
        using var timeout = new CancellationTokenSource(StreamWait);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/_emulator/chat/citizens/{userId}/stream");
        request.Headers.Add("Last-Event-ID", first.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var (type, id, _) = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("line", type);
        Assert.Equal(second.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), id);
    }

    private static ChatLine AddBotText(ChatHost host, string userId, string text)
    {
        // What the Messaging API side does when the bot pushes or replies.
        using var message = JsonDocument.Parse(JsonSerializer.Serialize(new { type = "text", text }));
        return host.Transcript.Add(userId, ChatSpeaker.Bot, "push", message.RootElement);
    }

    private static async Task<(string Type, string? Id, string Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? type = null, id = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null && type is not ("ping" or "ready"))
                {
                    return (type ?? "message", id, data);
                }

                (type, id, data) = (null, null, null);
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = data is null ? line["data: ".Length..] : data + "\n" + line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
