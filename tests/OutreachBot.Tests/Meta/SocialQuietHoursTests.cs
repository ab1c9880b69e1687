using System.Globalization;
using OutreachBot.Meta;

namespace OutreachBot.Tests.Meta;

/// <summary>Quiet hours hold no post unless staff tick that they do: then it waits for their end.</summary>
public abstract class SocialQuietHoursTests(string provider) : SocialHarness(provider)
{
    private static readonly DateTimeOffset Jst = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcasts:QuietHoursStart"] = Jst.AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture),
        ["Broadcasts:QuietHoursEnd"] = Jst.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    [SkippableFact]
    public async Task NotTicked_ASocialOnlyBroadcastNowInQuietHours_IsPostedAtOnce()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));

        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        Assert.Single(Meta.Posts);
    }

    [SkippableFact]
    public async Task Ticked_ThePostWaitsUntilQuietHoursEnd_SayingWhy()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"], new { holdInQuietHours = true }, new Dictionary<string, object[]> { ["ja"] = [Broadcasts.BroadcastHarness.Text("朝に投稿します")] }));

        var due = await WaitForDueAsync(id);
        await Task.Delay(500);
        var post = (await H.GetAsync(id))["channels"]!["facebook"]!;

        Assert.Empty(Meta.Posts);
        Assert.Equal(SocialStatus.Pending, post["status"]!.GetValue<string>());
        var end = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(Jst.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture));
        Assert.Contains("配信停止時間帯", post["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithLine_QuietHoursStillRefuseUnlessUrgent()
    {
        var (response, json) = await H.PostAsync("/api/v1/broadcasts", SocialBroadcast(["line", "facebook"]));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]!["schedule"]);
    }

    private async Task<DateTimeOffset> WaitForDueAsync(long id)
    {
        for (var i = 0; i < 200; i++)
        {
            var due = await H.Database.ScalarAsync<long>($"SELECT COALESCE(MAX(due_at), 0) FROM social_posts WHERE broadcast_id = {id}");
            if (due > 0)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(due);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Broadcast {id} planned no social post.");
    }
}

public sealed class SocialQuietHoursTestsOnSqlite() : SocialQuietHoursTests("Sqlite");

public sealed class SocialQuietHoursTestsOnPostgres() : SocialQuietHoursTests("Postgres");
