using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailDelivery;

/// <summary>A broadcast's mail rendered by the bot, sent through a real SMTP server (smtp4dev) and read back as received.</summary>
public abstract class BroadcastMailRendererTests(string provider) : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://outreach.city.example.jp/";
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private Smtp4devServer _smtp = null!;
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _world = await TestWorld.StartWithBotAsync(provider, new Dictionary<string, string?>(_smtp.Settings) { ["Site:PublicBaseUrl"] = PublicBaseUrl });
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    [SkippableFact]
    public async Task Render_EnglishReader_ArrivesWithHeadersBothPartsCardImageAndFooter()
    {
        var content = Content(
            new JsonObject
            {
                ["ja"] = new JsonArray(Text("日本語のお知らせ")),
                ["en"] = new JsonArray(
                    Text("Clean-up day this Sunday.\nSign up at https://city.example.jp/cleanup."),
                    EventCard.Build("Riverside clean-up", new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero), Tokyo, "Minami park", "https://city.example.jp/events/7", "https://city.example.jp/cards/7.jpg"),
                    Image("https://city.example.jp/poster.png", "Poster: gloves and bags are provided"),
                    Image("http://tracker.example.com/pixel.gif", "plain http")),
            },
            new Dictionary<string, string> { ["ja"] = "清掃活動のお知らせ", ["en"] = "Clean-up day" });

        var received = await SendAsync(content, new MailRecipient(42, "resident@example.jp", "en", 3));

        Assert.Equal("Clean-up day", received.Subject);
        Assert.Equal("katsudo@city.example.jp", received.From.Mailboxes.Single().Address);
        Assert.Equal("resident@example.jp", received.To.Mailboxes.Single().Address);
        Assert.Equal("b7.r9.s42@city.example.jp", received.MessageId);
        Assert.StartsWith($"<{PublicBaseUrl}subscribe/unsubscribe?t=", received.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.True(received.Date > DateTimeOffset.UtcNow.AddMinutes(-5));
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));

        var html = received.HtmlBody ?? "";
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://city.example.jp/cleanup\"", html, StringComparison.Ordinal);
        Assert.Contains("Riverside clean-up", html, StringComparison.Ordinal);
        Assert.Contains("Sun, Dec 20, 2026 10:00 AM", html, StringComparison.Ordinal);
        Assert.Contains("Minami park", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://city.example.jp/events/7\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://city.example.jp/poster.png\" alt=\"Poster: gloves and bags are provided\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("日本語のお知らせ", html, StringComparison.Ordinal);
        Assert.Contains("You receive this e-mail because", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicBaseUrl}subscribe/manage?t=", html, StringComparison.Ordinal);

        var text = received.TextBody ?? "";
        Assert.Contains("Sign up at https://city.example.jp/cleanup.", text, StringComparison.Ordinal);
        Assert.Contains("Riverside clean-up\nDate and time: Sun, Dec 20, 2026 10:00 AM\nVenue: Minami park\nDetails: https://city.example.jp/events/7", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[Image] Poster: gloves and bags are provided", text, StringComparison.Ordinal);
        Assert.Contains($"{PublicBaseUrl}subscribe/manage?t=", text, StringComparison.Ordinal);
        Assert.Contains("&lang=en", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Render_StaffTextWithMarkup_ArrivesEscaped()
    {
        var content = Content(new JsonObject
        {
            ["ja"] = new JsonArray(
                Text("<script>alert('x')</script> & <b>太字</b>"),
                EventCard.Build("<img src=x onerror=alert(1)>", DateTimeOffset.UtcNow.AddDays(3), Tokyo, "\"><iframe>", null, null),
                Image("https://city.example.jp/a.png\" onload=\"alert(1)", "\"><script>")),
        });

        var html = (await SendAsync(content, new MailRecipient(1, "resident@example.jp", "ja", 1))).HtmlBody;

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;太字&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Render_SubjectWithLineBreaks_CannotInjectAHeader()
    {
        var content = Content(
            new JsonObject { ["ja"] = new JsonArray(Text("本文")) },
            new Dictionary<string, string> { ["ja"] = "お知らせ\r\nBcc: victim@example.com\nX-Injected: yes" });

        var received = await SendAsync(content, new MailRecipient(1, "resident@example.jp", "ja", 1));

        Assert.Equal("お知らせ Bcc: victim@example.com X-Injected: yes", received.Subject);
        Assert.False(received.Headers.Contains(HeaderId.Bcc));
        Assert.False(received.Headers.Contains("X-Injected"));
        Assert.Empty(received.Bcc);
    }

    [SkippableFact]
    public async Task Render_LanguageWithoutItsOwnMessagesOrSubject_FallsBackToJapaneseWithFooterInTheirLanguage()
    {
        var content = Content(
            new JsonObject { ["ja"] = new JsonArray(Text("日本語のお知らせです。")), ["en"] = new JsonArray(Text("English news.")) },
            new Dictionary<string, string> { ["ja"] = "日本語の件名" });

        var received = await SendAsync(content, new MailRecipient(5, "resident@example.jp", "vi", 1));

        Assert.Equal("日本語の件名", received.Subject);
        Assert.Contains("日本語のお知らせです。", received.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("English news.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"vi\"", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bạn nhận được e-mail này", received.TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Render_NoSubjectAtAll_UsesTheTitle()
    {
        var renderer = _world.Bot.Services.GetRequiredService<BroadcastMailRenderer>();

        var mail = renderer.Render(Content(new JsonObject { ["ja"] = new JsonArray(Text("本文")) }), new MailRecipient(1, "a@example.jp", "en", 1));

        Assert.Equal("年末の清掃活動", mail.Subject);
    }

    [SkippableFact]
    public void Render_SameRecipientOfTheSameRun_HasTheSameMessageIdAndOthersDiffer()
    {
        var renderer = _world.Bot.Services.GetRequiredService<BroadcastMailRenderer>();
        var content = Content(new JsonObject { ["ja"] = new JsonArray(Text("本文")) });
        var recipient = new MailRecipient(42, "a@example.jp", "ja", 1);

        var first = renderer.Render(content, recipient).MessageId;
        var again = renderer.Render(content, recipient).MessageId;
        var otherSubscriber = renderer.Render(content, recipient with { SubscriberId = 43 }).MessageId;
        var otherRun = renderer.Render(content with { RunId = 10 }, recipient).MessageId;

        Assert.Equal("b7.r9.s42@city.example.jp", first);
        Assert.Equal(first, again);
        Assert.Equal(3, new[] { first, otherSubscriber, otherRun }.Distinct().Count());
    }

    [SkippableFact]
    public void Render_OneRunToReadersOfTwoLanguages_EachMailHasItsReadersLanguageAndTheirOwnLinks()
    {
        var renderer = _world.Bot.Services.GetRequiredService<BroadcastMailRenderer>();
        var content = Content(
            new JsonObject { ["ja"] = new JsonArray(Text("日本語のお知らせ")), ["en"] = new JsonArray(Text("English news")) },
            new Dictionary<string, string> { ["ja"] = "日本語の件名", ["en"] = "English subject" });

        var first = renderer.Render(content, new MailRecipient(1, "a@example.jp", "ja", 1));
        var english = renderer.Render(content, new MailRecipient(2, "b@example.jp", "en", 1));
        var second = renderer.Render(content, new MailRecipient(3, "c@example.jp", "ja", 1));

        Assert.Equal(["日本語の件名", "English subject", "日本語の件名"], new[] { first, english, second }.Select(mail => mail.Subject));
        Assert.Contains("日本語のお知らせ", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("English news", english.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("English news", second.HtmlBody, StringComparison.Ordinal);
        Assert.All([first, english, second], mail => Assert.Contains(Token(mail.Headers["List-Unsubscribe"]), mail.TextBody, StringComparison.Ordinal));
        Assert.Equal(3, new[] { first, english, second }.Select(mail => Token(mail.Headers["List-Unsubscribe"])).Distinct().Count());
    }

    private static string Token(string? link)
    {
        Assert.NotNull(link);
        return link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..].TrimEnd('>');
    }

    [SkippableFact]
    public void Render_ManyMails_NoneIsKeptOnceItsSenderLetsGo()
    {
        var renderer = _world.Bot.Services.GetRequiredService<BroadcastMailRenderer>();
        var content = Content(new JsonObject { ["ja"] = new JsonArray(Text("本文")) });

        var rendered = RenderAndLetGo(renderer, content, 100);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.DoesNotContain(rendered, mail => mail.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<WeakReference> RenderAndLetGo(BroadcastMailRenderer renderer, BroadcastMailContent content, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new WeakReference(renderer.Render(content, new MailRecipient(i, $"r{i}@example.jp", "ja", 1))))];

    private static BroadcastMailContent Content(JsonObject messages, Dictionary<string, string>? subjects = null) =>
        new(7, 9, "年末の清掃活動", messages.ToJsonString(), subjects ?? []);

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Image(string url, string altText) =>
        new() { ["type"] = "image", ["originalContentUrl"] = url, ["previewImageUrl"] = url, ["altText"] = altText };

    private async Task<MimeMessage> SendAsync(BroadcastMailContent content, MailRecipient recipient)
    {
        var mail = _world.Bot.Services.GetRequiredService<BroadcastMailRenderer>().Render(content, recipient);
        await using (var connection = await _world.Bot.Services.GetRequiredService<IMailTransport>().ConnectAsync(CancellationToken.None))
        {
            Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(mail, CancellationToken.None)).Kind);
        }

        return Assert.Single(await _smtp.WaitForMessagesAsync(1));
    }
}

public sealed class BroadcastMailRendererTestsOnSqlite() : BroadcastMailRendererTests("Sqlite");

public sealed class BroadcastMailRendererTestsOnPostgres() : BroadcastMailRendererTests("Postgres");
