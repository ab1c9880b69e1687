using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Meta;

/// <summary>The Page's and Instagram's followers per day: recorded, then in the stats API, the CSV and the dashboard's chart.</summary>
public abstract class FollowerCountTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task Recorded_FollowersShowInTheStatsApiCsvAndChart_WithNoTopic()
    {
        Meta.PageFollowers = 700;
        Meta.InstagramFollowers = 250;

        await H.Get<FollowerRecorder>().RecordAsync(default);
        using var api = H.Bot.CreateApiClient();
        using var stats = JsonDocument.Parse(await api.GetStringAsync("/api/v1/stats/subscribers"));
        using var admin = await ConsoleSession.SignedInAsync(H.Bot, StaffRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var csv = await admin.Client.GetStringAsync($"/console/export/subscribers.csv?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var dashboard = await admin.GetPageAsync("/console");

        var rows = stats.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var facebook = Assert.Single(rows, r => r.GetProperty("channel").GetString() == "facebook");
        Assert.Equal(700, facebook.GetProperty("subscribers").GetInt64());
        Assert.Equal(JsonValueKind.Null, facebook.GetProperty("topic").ValueKind);
        Assert.Equal(250, Assert.Single(rows, r => r.GetProperty("channel").GetString() == "instagram").GetProperty("subscribers").GetInt64());
        Assert.Contains(",フォロワー / Followers\r\n", csv, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d\d-\d\d,facebook,,*700\r\n", csv);
        Assert.Contains("Facebook フォロワー", dashboard, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadAgainTheSameDay_KeepsOneRowWithTheLastCount()
    {
        await H.Get<FollowerRecorder>().RecordAsync(default);
        Meta.PageFollowers = 480;

        await H.Get<FollowerRecorder>().RecordAsync(default);

        Assert.Equal(480L, await H.Database.ScalarAsync<long>("SELECT followers FROM social_followers WHERE channel = 'facebook'"));
        Assert.Equal(1L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM social_followers WHERE channel = 'facebook'"));
    }
}

public sealed class FollowerCountTestsOnSqlite() : FollowerCountTests("Sqlite");

public sealed class FollowerCountTestsOnPostgres() : FollowerCountTests("Postgres");

/// <summary>With the ids in the settings, the first counts are read at start.</summary>
public abstract class FollowersAtStartTests(string provider) : MetaWorld(provider, new Dictionary<string, string?>
{
    ["Meta:PageId"] = new MetaAccounts().PageId,
    ["Meta:PageAccessToken"] = MetaAccounts.DefaultPageAccessToken,
    ["Meta:InstagramUserId"] = new MetaAccounts().InstagramUserId,
})
{
    [SkippableFact]
    public async Task Configured_FirstCountsAreReadAtStart()
    {
        for (var i = 0; i < 200 && await Database.ScalarAsync<long>("SELECT COUNT(*) FROM social_followers") < 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(466L, await Database.ScalarAsync<long>("SELECT followers FROM social_followers WHERE channel = 'facebook'"));
        Assert.Equal(146L, await Database.ScalarAsync<long>("SELECT followers FROM social_followers WHERE channel = 'instagram'"));
    }
}

public sealed class FollowersAtStartTestsOnSqlite() : FollowersAtStartTests("Sqlite");

public sealed class FollowersAtStartTestsOnPostgres() : FollowersAtStartTests("Postgres");
