using System.Net;
using System.Text.RegularExpressions;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.PublicSite;

public abstract class PublicNewsTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;
    private NewsPublisher _news = null!;

    public async Task InitializeAsync()
    {
        _h = await BroadcastHarness.StartAsync(provider, PublicChecks.Settings());
        _news = new NewsPublisher(_h);
        await _h.SeedAsync("volunteer", 2);
        await _h.SeedAsync("disaster", 1, prefix: "D");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task News_PublishedOnTheWeb_ListedNewestFirstWithItsOwnPage()
    {
        var older = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("清掃ボランティアを募集します")), subjects: new { ja = "清掃ボランティア募集" });
        var newer = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("防災訓練のお知らせです")), subjects: new { ja = "防災訓練" });

        var (_, list) = await PublicChecks.GetAsync(_h.Bot, "/news");
        var (_, page) = await PublicChecks.GetAsync(_h.Bot, $"/news/{older}");

        Assert.Contains("<html lang=\"ja\">", list);
        Assert.True(list.IndexOf("防災訓練", StringComparison.Ordinal) < list.IndexOf("清掃ボランティア募集", StringComparison.Ordinal), list);
        Assert.Contains($"href=\"/news/{newer}\"", list);
        Assert.Contains("<h1>清掃ボランティア募集</h1>", page);
        Assert.Contains("<p>清掃ボランティアを募集します</p>", page);
        var published = DateTimeOffset.FromUnixTimeMilliseconds(await _news.PublishedAtAsync(older)).ToOffset(TimeSpan.FromHours(9));
        Assert.Contains($"{published:yyyy}年{published.Month}月{published.Day}日", page);
    }

    [SkippableFact]
    public async Task News_NotOnTheWebNotPublishedOrUnknown_NotFoundInTheReadersLanguage()
    {
        var lineOnly = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("LINEだけのお知らせ")), channels: "line");
        var scheduled = await _news.CreateAsync(NewsPublisher.Japanese(BroadcastHarness.Text("明日のお知らせ")));

        foreach (var id in new[] { lineOnly, scheduled, 999_999 })
        {
            var (_, japanese) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}", HttpStatusCode.NotFound);
            var (_, english) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}?lang=en", HttpStatusCode.NotFound);
            Assert.Contains("<html lang=\"ja\">", japanese);
            Assert.Contains("ページが見つかりません", japanese);
            Assert.Contains("<html lang=\"en\">", english);
            Assert.Contains("Page not found", english);
        }

        var (_, list) = await PublicChecks.GetAsync(_h.Bot, "/news");
        Assert.DoesNotContain("LINEだけ", list);
        Assert.DoesNotContain("明日のお知らせ", list);
    }

    [SkippableFact]
    public async Task News_TextWithMarkupAndLinks_EscapedWithTheLinksClickable()
    {
        var id = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text(
            "<script>alert(1)</script> <b>太字</b>\n詳しくは https://city.example.jp/a?b=1&c=2 をご覧ください。\n\n二段落目です")));

        var (_, page) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}");

        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<b>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;太字&lt;/b&gt;<br>詳しくは ", page);
        var link = Regex.Match(page, "<a href=\"(?<url>https://outreach.example.jp/r/[A-Za-z0-9_-]+)\" rel=\"noopener nofollow\">\\k<url></a> をご覧ください。</p>");
        Assert.True(link.Success, page);
        using var resident = _h.Bot.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var opened = await resident.GetAsync(new Uri(link.Groups["url"].Value).AbsolutePath);
        Assert.Equal("https://city.example.jp/a?b=1&c=2", opened.Headers.Location!.OriginalString);
        Assert.Contains("<p>二段落目です</p>", page);
    }

    [SkippableFact]
    public async Task News_ReaderLanguage_ShownInItOrElseInJapanesePerBroadcast()
    {
        var both = await _news.PublishAsync(new()
        {
            ["ja"] = [BroadcastHarness.Text("日本語の本文")],
            ["en"] = [BroadcastHarness.Text("The English text")],
        }, subjects: new { ja = "日本語の見出し", en = "English headline" });
        var japaneseOnly = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("日本語だけの本文")));

        var (_, english) = await PublicChecks.GetAsync(_h.Bot, $"/news/{both}?lang=en");
        var (_, fallback) = await PublicChecks.GetAsync(_h.Bot, $"/news/{japaneseOnly}?lang=en");
        var (_, list) = await PublicChecks.GetAsync(_h.Bot, "/news?lang=en");

        Assert.Contains("<article class=\"news-item\" lang=\"en\">", english);
        Assert.Contains("<h1>English headline</h1>", english);
        Assert.Contains("The English text", english);
        Assert.DoesNotContain("日本語の本文", english);
        Assert.Contains("<html lang=\"en\">", fallback);
        Assert.Contains("<article class=\"news-item\" lang=\"ja\">", fallback);
        Assert.Contains("日本語だけの本文", fallback);
        Assert.Contains($"href=\"/news/{both}?lang=en\"", list);
        Assert.Contains("English headline", list);
    }

    [SkippableFact]
    public async Task News_ImageMessage_UsesItsAltTextElseTheHeadline()
    {
        object Image(string name, string? alt) => alt is null
            ? new { type = "image", originalContentUrl = $"https://city.example.jp/{name}.jpg", previewImageUrl = $"https://city.example.jp/{name}-s.jpg" }
            : new { type = "image", originalContentUrl = $"https://city.example.jp/{name}.jpg", previewImageUrl = $"https://city.example.jp/{name}-s.jpg", altText = alt };
        var id = await _news.PublishAsync(rawMessages: new { ja = new[] { Image("festa", "夏祭りの会場の写真"), Image("map", null) } }, subjects: new { ja = "夏祭り" });

        var (_, page) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}");

        Assert.Contains("<img src=\"https://city.example.jp/festa.jpg\" alt=\"夏祭りの会場の写真\"", page);
        Assert.Contains("<img src=\"https://city.example.jp/map.jpg\" alt=\"夏祭り\"", page);
    }

    [SkippableFact]
    public async Task News_EventCard_ShowsTitleTimeInTheBotZoneVenueAndLinksTheEvent()
    {
        var card = new { type = "eventCard", title = "市民活動フェスタ", startsAt = "2026-11-20T10:00", venue = "市民活動センター", url = "https://city.example.jp/festa", imageUrl = "https://city.example.jp/festa.jpg" };
        var id = await _news.PublishAsync(NewsPublisher.Japanese(card));
        var eventId = await _h.Database.ScalarAsync<long>(
            "INSERT INTO civic_events (starts_at, venue, cancelled, created_at, updated_at) VALUES (1795136400000, '市民活動センター', FALSE, 0, 0) RETURNING id");
        await _h.Database.ExecuteAsync($"INSERT INTO civic_event_announcements (event_id, broadcast_id) VALUES ({eventId}, {id})");

        var (_, page) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}");
        var (_, english) = await PublicChecks.GetAsync(_h.Bot, $"/news/{id}?lang=en");

        Assert.Contains("<h2>市民活動フェスタ</h2>", page);
        Assert.Contains("<img src=\"https://city.example.jp/festa.jpg\"", page);
        Assert.Contains("2026年11月20日(金) 10:00", page);
        Assert.Contains("市民活動センター", page);
        Assert.Contains($"href=\"/events/{eventId}\"", page);
        Assert.Contains("Fri, Nov 20, 2026 10:00 AM", english);
        Assert.Contains($"href=\"/events/{eventId}?lang=en\"", english);
    }

    [SkippableFact]
    public async Task News_TopicFilter_ListsOnlyThatTopicAndAnUnknownOneIsNotFound()
    {
        await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("ボランティアの話")), subjects: new { ja = "ボランティア便り" });
        await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("避難所の話")), topic: "disaster", subjects: new { ja = "防災便り" });

        var (_, disaster) = await PublicChecks.GetAsync(_h.Bot, "/news?topic=disaster");
        var (_, all) = await PublicChecks.GetAsync(_h.Bot, "/news");
        await PublicChecks.GetAsync(_h.Bot, "/news?topic=no-such-topic", HttpStatusCode.NotFound);

        Assert.Contains("防災便り", disaster);
        Assert.DoesNotContain("ボランティア便り", disaster);
        Assert.Contains("href=\"/feeds/topics/disaster.atom\"", disaster);
        Assert.Contains("防災便り", all);
        Assert.Contains("ボランティア便り", all);
    }

    [SkippableFact]
    public async Task News_MoreThanAPage_PagedWithTheLanguageKept()
    {
        for (var i = 1; i <= 11; i++)
        {
            await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text($"本文{i}")), subjects: new { ja = $"お知らせ第{i}号" });
        }

        var (_, first) = await PublicChecks.GetAsync(_h.Bot, "/news?lang=en");
        var (_, second) = await PublicChecks.GetAsync(_h.Bot, "/news?page=2&lang=en");
        await PublicChecks.GetAsync(_h.Bot, "/news?page=3", HttpStatusCode.NotFound);

        Assert.Equal(10, Regex.Count(first, "<article "));
        Assert.Contains("お知らせ第11号", first);
        Assert.DoesNotContain("お知らせ第1号<", first);
        Assert.Contains("href=\"/news?page=2&amp;lang=en\"", first);
        Assert.Equal(1, Regex.Count(second, "<article "));
        Assert.Contains("お知らせ第1号<", second);
        Assert.Contains("href=\"/news?page=2\" lang=\"ja\"", second);
    }

    [SkippableFact]
    public async Task NewsPages_ConditionalRequests_Answer304UntilSomethingIsPublished()
    {
        var id = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("最初のお知らせ")));

        foreach (var path in new[] { "/news", $"/news/{id}", "/news?lang=en", "/news?topic=volunteer" })
        {
            await PublicChecks.AssertConditionalAsync(_h.Bot, path);
        }

        var (before, _) = await PublicChecks.GetAsync(_h.Bot, "/news");
        await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("次のお知らせ")));
        using var client = _h.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/news");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("次のお知らせ", await after.Content.ReadAsStringAsync());
    }
}

public sealed class PublicNewsTestsOnSqlite() : PublicNewsTests("Sqlite");

public sealed class PublicNewsTestsOnPostgres() : PublicNewsTests("Postgres");
