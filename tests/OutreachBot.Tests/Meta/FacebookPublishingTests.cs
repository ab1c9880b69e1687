using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Meta;

/// <summary>A broadcast with the facebook channel is posted on the Page exactly once, whatever Meta answers or fails to.</summary>
public abstract class FacebookPublishingTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task Text_IsPostedOnceWithTheEventCardAsTextAndReportedPublished()
    {
        var id = await H.CreateAsync(SocialBroadcast(
            ["line", "facebook"],
            BroadcastHarness.Text("清掃ボランティアを募集します"),
            new { type = "eventCard", title = "河川敷の清掃", startsAt = "2031-05-10T09:00", venue = "中央公園", url = "https://city.example.jp/events/7" }));

        var post = await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        var made = Assert.Single(Meta.Posts);
        Assert.StartsWith("清掃ボランティアを募集します\n\n河川敷の清掃\n日時: ", made.Message, StringComparison.Ordinal);
        Assert.Contains("会場: 中央公園", made.Message, StringComparison.Ordinal);
        Assert.Equal("https://city.example.jp/events/7", made.Link);
        Assert.Equal(made.Id, post["postId"]!.GetValue<string>());
        Assert.Equal($"https://www.facebook.com/{made.Id}", post["url"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Image_IsPostedAsAPhotoWithTheTextAsCaption()
    {
        var id = await H.CreateAsync(SocialBroadcast(
            ["facebook"],
            BroadcastHarness.Text("講座のお知らせ"),
            new { type = "image", originalContentUrl = "https://city.example.jp/images/koza.jpg", previewImageUrl = "https://city.example.jp/images/koza.jpg" }));

        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        var made = Assert.Single(Meta.Posts);
        Assert.Equal("https://city.example.jp/images/koza.jpg", made.ImageUrl);
        Assert.Equal("講座のお知らせ", made.Message);
    }

    [SkippableFact]
    public async Task AnswerLostAfterPublishing_IsFoundAmongTheRecentPosts_NeverPostedTwice()
    {
        H.Line.MetaFaults.Add(new MetaFault { Kind = "timeout-after-publish", Path = "/feed", DelayMilliseconds = 4000 });

        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));
        var post = await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        var made = Assert.Single(Meta.Posts);
        Assert.Equal(made.Id, post["postId"]!.GetValue<string>());
        Assert.Equal(1L, await H.Database.ScalarAsync<long>($"SELECT attempts FROM social_posts WHERE broadcast_id = {id}"));
    }

    [SkippableTheory]
    [InlineData(32)]
    [InlineData(80001)]
    public async Task Throttled_WaitsAndPostsOnce(int code)
    {
        H.Line.MetaFaults.Add(new MetaFault { Kind = "throttle", Code = code, Path = "/feed", Count = 2, RegainMinutes = 0 });

        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));
        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        Assert.Single(Meta.Posts);
        Assert.Empty(H.Line.MetaFaults.Pending);
    }

    [SkippableFact]
    public async Task TokenRevoked_MarksTheConnectionDisconnected_LineStillGoes_PostWaits()
    {
        await H.SeedAsync("volunteer", 3);
        H.Line.MetaFaults.Add(new MetaFault { Kind = "token", Path = "/feed", Count = null });

        var id = await H.CreateAsync(SocialBroadcast(["line", "facebook"]));
        await H.WaitForStatusAsync(id, "sent");
        var account = await WaitForDisconnectionAsync();
        var view = await H.GetAsync(id);

        Assert.Contains("190", account.DisconnectedReason, StringComparison.Ordinal);
        Assert.Equal(SocialStatus.Pending, view["channels"]!["facebook"]!["status"]!.GetValue<string>());
        Assert.Equal(3, H.MulticastCounts().Count);
        Assert.Empty(Meta.Posts);
    }

    [SkippableFact]
    public async Task Create_FacebookWithoutAConnection_400NamingTheChannels()
    {
        await H.Get<MetaConnections>().DisconnectAsync(new OutreachBot.Staff.StaffActor("social-admin", null, null), default);

        var (response, json) = await H.PostAsync("/api/v1/broadcasts", SocialBroadcast(["facebook"]));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]!["channels"]);
    }

    private async Task<MetaAccount> WaitForDisconnectionAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            if (await H.Get<MetaConnections>().CurrentAsync(default) is { Disconnected: not null } account)
            {
                return account;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The connection was never marked disconnected.");
    }
}

public sealed class FacebookPublishingTestsOnSqlite() : FacebookPublishingTests("Sqlite");

public sealed class FacebookPublishingTestsOnPostgres() : FacebookPublishingTests("Postgres");
