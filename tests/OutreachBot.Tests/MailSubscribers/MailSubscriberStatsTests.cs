using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.MailSubscribers;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.StaffConsole;
using OutreachBot.Staff;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>E-mail subscribers counted per topic per day beside LINE's, in the stats API and on the dashboard.</summary>
public abstract class MailSubscriberStatsTests(string provider) : ConsoleHost(provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 12, 0, 0, TimeSpan.FromHours(9));

    private MailSubscriberStore Store => Bot.Services.GetRequiredService<MailSubscriberStore>();

    [SkippableFact]
    public async Task PerTopicPerDay_MailPeriods_CountedAsTheyStoodAtEachDaysEnd()
    {
        var topics = Bot.Services.GetRequiredService<TopicStore>();
        await topics.CreateAsync(new TopicDraft("seminars", new Dictionary<string, string> { ["ja"] = "講座" }, null, 0, false), Monday.AddDays(-7), default);
        var volunteer = (await topics.FindAsync("seminars", default))!;
        var a = await Store.RequestAsync("a@example.jp", "ja", [volunteer.Id], Monday, default);
        var b = await Store.RequestAsync("b@example.jp", "en", [volunteer.Id], Monday, default);
        var never = await Store.RequestAsync("never@example.jp", "ja", [volunteer.Id], Monday, default);
        await Store.ConfirmAsync(a.Id, a.TokenVersion, Monday, default);
        await Store.ConfirmAsync(b.Id, b.TokenVersion, Monday.AddDays(1), default);
        await Store.ChangeAsync(a.Id, a.TokenVersion, "ja", [], Monday.AddDays(2), default);
        await Store.EraseAsync(b.Id, b.TokenVersion, Monday.AddDays(4), default);

        var rows = await Bot.Services.GetRequiredService<SubscriberStats>().PerTopicPerDayAsync(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 21), default);

        Assert.Equal(new long[] { 0, 1, 2, 1, 1, 0, 0 }, rows.Where(r => r.Topic == "seminars" && r.Channel == "mail").Select(r => r.Subscribers));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 0, 0 }, rows.Where(r => r.Topic == "seminars" && r.Channel == "line").Select(r => r.Subscribers));
        Assert.NotEqual(0, never.Id);
    }

    [SkippableFact]
    public async Task StatsApi_Rows_NameTheirChannel()
    {
        var volunteer = (await Bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        var a = await Store.RequestAsync("api@example.jp", "ja", [volunteer.Id], DateTimeOffset.UtcNow.AddMinutes(-1), default);
        await Store.ConfirmAsync(a.Id, a.TokenVersion, DateTimeOffset.UtcNow.AddMinutes(-1), default);
        using var api = Bot.CreateApiClient();

        var body = await api.GetFromJsonAsync<JsonElement>("/api/v1/stats/subscribers");

        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("channel").GetString(), new[] { "line", "mail" }));
        var today = rows.Where(r => r.GetProperty("topic").GetString() == "volunteer").TakeLast(2).ToList();
        Assert.Equal(["line", "mail"], today.Select(r => r.GetProperty("channel").GetString()));
        Assert.Equal(1, today[1].GetProperty("subscribers").GetInt64());
    }

    [SkippableFact]
    public async Task Dashboard_MailSubscribers_ShownBesideLineInTheTableAndChart()
    {
        var volunteer = (await Bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        var a = await Store.RequestAsync("dash@example.jp", "ja", [volunteer.Id], DateTimeOffset.UtcNow.AddMinutes(-1), default);
        await Store.ConfirmAsync(a.Id, a.TokenVersion, DateTimeOffset.UtcNow.AddMinutes(-1), default);
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        var page = await viewer.GetPageAsync("/console");

        Assert.Contains("data-testid=\"mail-count-volunteer\">1<", page);
        Assert.Contains("ボランティア募集 (メール)", page);
        Assert.Contains("stroke-dasharray=\"2 4\"", page);
    }
}

public sealed class MailSubscriberStatsTestsOnSqlite() : MailSubscriberStatsTests("Sqlite");

public sealed class MailSubscriberStatsTestsOnPostgres() : MailSubscriberStatsTests("Postgres");
