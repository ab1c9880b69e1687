using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents;
using OutreachBot.Tests.Broadcasts;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.PublicSite;

public abstract class PublicFeedsTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;
    private NewsPublisher _news = null!;

    public async Task InitializeAsync()
    {
        _h = await BroadcastHarness.StartAsync(provider, PublicChecks.Settings());
        _news = new NewsPublisher(_h);
        await _h.SeedAsync("volunteer", 1);
        await _h.SeedAsync("disaster", 1, prefix: "D");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task NewsAtom_Published_EntriesWithStableIdsPublishTimesAndAlternateLinks()
    {
        var first = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("清掃活動の参加者を募集します。")), subjects: new { ja = "清掃活動" });
        var second = await _news.PublishAsync(
            new() { ["ja"] = [BroadcastHarness.Text("避難訓練です。")], ["en"] = [BroadcastHarness.Text("An evacuation drill.")] },
            topic: "disaster",
            subjects: new { ja = "避難訓練", en = "Evacuation drill" });
        await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("LINEだけ")), channels: "line");

        var (response, xml) = await PublicChecks.GetAsync(_h.Bot, "/feeds/news.atom");
        var (_, englishXml) = await PublicChecks.GetAsync(_h.Bot, "/feeds/news.atom?lang=en");
        var feed = Load(xml);
        var english = Load(englishXml);

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("ja", XDocument.Parse(xml).Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("en", XDocument.Parse(englishXml).Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal([$"{PublicChecks.BaseUrl}news/{second}", $"{PublicChecks.BaseUrl}news/{first}"], feed.Items.Select(i => i.Id));
        Assert.Equal(feed.Items.Select(i => i.Id), english.Items.Select(i => i.Id));
        var entry = feed.Items.Last();
        Assert.Equal("清掃活動", entry.Title.Text);
        Assert.Equal("清掃活動の参加者を募集します。", entry.Summary.Text);
        Assert.Equal(await _news.PublishedAtAsync(first) / 1000, entry.LastUpdatedTime.ToUnixTimeSeconds()); // Atom dates carry whole seconds
        Assert.Equal(new Uri($"{PublicChecks.BaseUrl}news/{first}"), entry.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal("Evacuation drill", english.Items.First().Title.Text);
        Assert.Equal(new Uri($"{PublicChecks.BaseUrl}news/{second}?lang=en"), english.Items.First().Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal("An evacuation drill.", english.Items.First().Summary.Text);
        await PublicChecks.AssertConditionalAsync(_h.Bot, "/feeds/news.atom");
    }

    [SkippableFact]
    public async Task TopicAtom_KnownTopic_OnlyItsNewsAndAnUnknownTopicIsNotFound()
    {
        await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("ボランティア")), subjects: new { ja = "ボランティア便り" });
        var disaster = await _news.PublishAsync(NewsPublisher.Japanese(BroadcastHarness.Text("防災")), topic: "disaster", subjects: new { ja = "防災便り" });

        var (_, xml) = await PublicChecks.GetAsync(_h.Bot, "/feeds/topics/disaster.atom");
        await PublicChecks.GetAsync(_h.Bot, "/feeds/topics/no-such-topic.atom", HttpStatusCode.NotFound);
        var feed = Load(xml);

        Assert.Equal([$"{PublicChecks.BaseUrl}news/{disaster}"], feed.Items.Select(i => i.Id));
        Assert.Equal($"{PublicChecks.BaseUrl}feeds/topics/disaster.atom", feed.Id);
        await PublicChecks.AssertConditionalAsync(_h.Bot, "/feeds/topics/disaster.atom");
    }

    [SkippableTheory]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    public async Task EventCalendar_OneEvent_RightInstantStableUidSequenceRisesAndCancelledStatus(string zone)
    {
        var bot = _h.World.StartBot(PublicChecks.Settings(zone));
        var store = bot.Services.GetRequiredService<CivicEventStore>();
        var startsAt = new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(9));
        var draft = new CivicEventDraft(new Dictionary<string, string> { ["ja"] = "市民活動フェスタ" }, startsAt, startsAt.AddHours(2), "市民活動センター", "https://city.example.jp/festa", null, null);
        var id = (await store.CreateAsync(draft, DateTimeOffset.UtcNow, default))!.Value;

        var (response, text) = await PublicChecks.GetAsync(bot, $"/events/{id}.ics");
        var before = Calendar.Load(text)!.Events.Single();
        await store.UpdateAsync(id, draft with { StartsAt = startsAt.AddHours(1), EndsAt = startsAt.AddHours(3), Cancelled = true }, DateTimeOffset.UtcNow, default);
        var (_, changedText) = await PublicChecks.GetAsync(bot, $"/events/{id}.ics");
        var after = Calendar.Load(changedText)!.Events.Single();

        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"event-{id}@outreach.example.jp", before.Uid);
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(startsAt.UtcDateTime, before.DtStart!.AsUtc);
        Assert.Equal(startsAt.AddHours(2).UtcDateTime, before.DtEnd!.AsUtc);
        Assert.Equal(startsAt.AddHours(1).UtcDateTime, after.DtStart!.AsUtc);
        Assert.True(after.Sequence > before.Sequence, $"{before.Sequence} -> {after.Sequence}");
        Assert.NotNull(before.DtStamp);
        Assert.Equal("市民活動フェスタ", before.Summary);
        Assert.Equal("市民活動センター", before.Location);
        Assert.Equal(new Uri($"{PublicChecks.BaseUrl}events/{id}"), before.Url);
        Assert.Equal("CONFIRMED", before.Status);
        Assert.Equal("CANCELLED", after.Status);
        if (zone == "UTC")
        {
            Assert.Contains("DTSTART:20261220T010000Z", text);
        }
        else
        {
            Assert.Contains("DTSTART;TZID=Asia/Tokyo:20261220T100000", text);
            Assert.Contains("BEGIN:VTIMEZONE", text);
            Assert.Contains("TZID:Asia/Tokyo", text);
        }
    }

    [SkippableFact]
    public async Task EventsCalendarFeed_UpcomingAndRecent_OldOnesLeftOutInTheReadersLanguage()
    {
        var store = _h.Get<CivicEventStore>();
        var now = DateTimeOffset.UtcNow;
        async Task<long> CreateAsync(string title, DateTimeOffset at, bool cancelled = false) =>
            (await store.CreateAsync(
                new CivicEventDraft(new Dictionary<string, string> { ["ja"] = title, ["en"] = title + " EN" }, at, null, "センター", null, null, null, cancelled), now, default))!.Value;
        var upcoming = await CreateAsync("これから", now.AddDays(3));
        var recent = await CreateAsync("先週", now.AddDays(-7));
        var cancelled = await CreateAsync("中止になった回", now.AddDays(4), cancelled: true);
        await CreateAsync("去年", now.AddDays(-200));

        var (_, text) = await PublicChecks.GetAsync(_h.Bot, "/feeds/events.ics?lang=en");
        var events = Calendar.Load(text)!.Events.ToDictionary(e => e.Uid!);

        Assert.Equal(
            new[] { upcoming, recent, cancelled }.Select(id => $"event-{id}@outreach.example.jp").Order(),
            events.Keys.Order());
        Assert.Equal("これから EN", events[$"event-{upcoming}@outreach.example.jp"].Summary);
        Assert.Equal("CANCELLED", events[$"event-{cancelled}@outreach.example.jp"].Status);
        Assert.Equal(new Uri($"{PublicChecks.BaseUrl}events/{upcoming}?lang=en"), events[$"event-{upcoming}@outreach.example.jp"].Url);
    }

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }
}

public sealed class PublicFeedsTestsOnSqlite() : PublicFeedsTests("Sqlite");

public sealed class PublicFeedsTestsOnPostgres() : PublicFeedsTests("Postgres");
