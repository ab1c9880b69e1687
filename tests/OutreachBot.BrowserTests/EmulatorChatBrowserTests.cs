using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.BrowserTests;

/// <summary>
/// The LINE emulator's chat alone in chromium: every kind of message a bot may push is drawn as LINE draws it, by
/// the page's modules, without a script error; a tap on what it drew acts as the citizen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmulatorChatBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string CitizenId = "U0123456789abcdef0123456789abcdef";

    private const string TextsAndCards = """
        [{"type":"text","text":"こんにちは $ テスト","emojis":[{"index":6,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"}]},
         {"type":"textV2","text":"{who} さん、お知らせです","substitution":{"who":{"type":"mention","mentionee":{"type":"user","userId":"U0123456789abcdef0123456789abcdef"}}}},
         {"type":"sticker","packageId":"446","stickerId":"1988"},
         {"type":"location","title":"市役所","address":"東京都千代田区1-1","latitude":35.6895,"longitude":139.6917},
         {"type":"audio","originalContentUrl":"https://example.jp/a.m4a","duration":60000}]
        """;

    private const string Templates = """
        [{"type":"template","altText":"お知らせ","template":{"type":"buttons","title":"お知らせ","text":"イベントのお知らせです","actions":[{"type":"postback","label":"詳細","data":"a=1"},{"type":"uri","label":"地図","uri":"https://example.jp/map"}]}},
         {"type":"template","altText":"確認","template":{"type":"confirm","text":"登録しますか?","actions":[{"type":"message","label":"はい","text":"はい"},{"type":"message","label":"いいえ","text":"いいえ"}]}},
         {"type":"template","altText":"一覧","template":{"type":"carousel","columns":[{"title":"A","text":"1つ目","actions":[{"type":"postback","label":"選ぶ","data":"c=1"}]},{"title":"B","text":"2つ目","actions":[{"type":"postback","label":"選ぶ","data":"c=2"}]}]}},
         {"type":"imagemap","baseUrl":"https://example.jp/imagemap","altText":"地図","baseSize":{"width":1040,"height":1040},"actions":[{"type":"uri","linkUri":"https://example.jp","area":{"x":0,"y":0,"width":520,"height":1040}},{"type":"message","text":"右","area":{"x":520,"y":0,"width":520,"height":1040}}]}]
        """;

    private const string FlexAndQuickReplies = """
        [{"type":"flex","altText":"イベント","contents":{"type":"bubble","body":{"type":"box","layout":"vertical","spacing":"sm","contents":[{"type":"text","text":"市民活動フェア","weight":"bold","size":"xl","wrap":true},{"type":"box","layout":"baseline","contents":[{"type":"text","text":"市民会館 2F","size":"sm"}]},{"type":"separator","margin":"md"},{"type":"text","contents":[{"type":"span","text":"4月1日","weight":"bold"},{"type":"span","text":" 10:00〜"}]},{"type":"filler"}]},"footer":{"type":"box","layout":"vertical","contents":[{"type":"button","style":"primary","action":{"type":"postback","label":"申し込む","data":"action=apply&event=42"}}]}}},
         {"type":"text","text":"選んでください","quickReply":{"items":[{"type":"action","action":{"type":"postback","label":"参加する","data":"join","displayText":"参加します"}},{"type":"action","action":{"type":"message","label":"ヘルプ","text":"ヘルプ"}},{"type":"action","action":{"type":"datetimepicker","label":"日付","data":"date","mode":"date"}},{"type":"action","action":{"type":"location","label":"位置情報"}}]}}]
        """;

    private readonly List<string> _scriptErrors = [];
    private LineEmulatorServer _line = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _line = await LineEmulatorServer.StartAsync(new EmulatorOptions());
        _line.AddFollower(CitizenId, "テスト 太郎");
        _context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _line.DisposeAsync();
    }

    [Fact]
    public async Task Chat_EveryMessageKindPushed_IsDrawnWithoutScriptErrors()
    {
        await PushAsync(TextsAndCards, Templates, FlexAndQuickReplies);

        var chat = await OpenChatAsync();

        var transcript = chat.Locator("#transcript");
        await Assertions.Expect(transcript.Locator(".line.bot")).ToHaveCountAsync(11);
        await Assertions.Expect(transcript.Locator(".line-emoji")).ToHaveCountAsync(1);
        await Assertions.Expect(transcript.Locator(".mention")).ToHaveTextAsync("@テスト 太郎");
        await Assertions.Expect(transcript.Locator(".sticker")).ToHaveCountAsync(1);
        await Assertions.Expect(transcript.Locator(".card.location")).ToContainTextAsync("東京都千代田区1-1");
        await Assertions.Expect(transcript.Locator(".card.template")).ToHaveCountAsync(3);
        await Assertions.Expect(transcript.Locator(".card.confirm .card-action")).ToHaveCountAsync(2);
        await Assertions.Expect(transcript.Locator(".imagemap-area")).ToHaveCountAsync(2);
        await Assertions.Expect(transcript.Locator(".fx-bubble .fx-button-primary")).ToHaveTextAsync("申し込む");
        await Assertions.Expect(chat.Locator("#quick-replies .chip")).ToHaveCountAsync(4);
        await chat.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "50-emulator-chat-message-kinds.png"), FullPage = true });
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Chat_QuickReplyTapped_SendsItsPostbackAsTheCitizen()
    {
        await PushAsync(FlexAndQuickReplies);
        var chat = await OpenChatAsync();

        await chat.Locator("#quick-replies .chip").Filter(new() { HasText = "参加する" }).ClickAsync();

        await Assertions.Expect(chat.Locator("#transcript .line.citizen .bubble.mine")).ToHaveTextAsync("参加します");
        Assert.Contains(_line.Transcript.For(CitizenId), line => line.Speaker == ChatSpeaker.Citizen
            && line.Content.TryGetProperty("postback", out var postback) && postback.GetProperty("data").GetString() == "join");
        Assert.Empty(_scriptErrors);
    }

    private async Task<IPage> OpenChatAsync()
    {
        var chat = await _context.NewPageAsync();
        chat.PageError += (_, error) => _scriptErrors.Add(error);
        await chat.GotoAsync($"{_line.BaseUrl.ToString().TrimEnd('/')}/chat#{CitizenId}");
        return chat;
    }

    private async Task PushAsync(params string[] batches)
    {
        using var client = new HttpClient { BaseAddress = _line.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultChannelAccessToken);
        foreach (var messages in batches)
        {
            using var body = new StringContent($"{{\"to\":\"{CitizenId}\",\"messages\":{messages}}}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("v2/bot/message/push", UriKind.Relative), body);
            response.EnsureSuccessStatusCode();
        }
    }
}
