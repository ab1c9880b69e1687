using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.LineEmulator.Meta;

namespace OutreachBot.LineEmulator.Tests.Meta;

/// <summary>The emulator plays Meta's Graph API: the Page, its posts and photos, and Instagram's container publishing.</summary>
public sealed class GraphApiTests
{
    [Fact]
    public async Task Page_ReadsNameAndTheFollowerCountSetThroughTheControls()
    {
        await using var host = await GraphHost.StartAsync();

        using var set = await host.Http.PutAsJsonAsync(new Uri("_emulator/meta/followers", UriKind.Relative), new { page = 700, instagram = 250 });
        var (_, page) = await host.GetAsync($"{host.PageId}?fields=name,followers_count");
        var (_, instagram) = await host.GetAsync($"{host.IgUserId}?fields=username,followers_count");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(host.Accounts.PageName, page.GetProperty("name").GetString());
        Assert.Equal(700, page.GetProperty("followers_count").GetInt64());
        Assert.Equal(host.PageId, page.GetProperty("id").GetString());
        Assert.Equal(250, instagram.GetProperty("followers_count").GetInt64());
    }

    [Fact]
    public async Task Token_MissingOrWrong_IsAGraphStyleOAuthError()
    {
        await using var host = await GraphHost.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseUrl };

        using var none = await anonymous.GetAsync(new Uri($"{GraphHost.Version}/{host.PageId}", UriKind.Relative));
        using var wrong = await anonymous.GetAsync(new Uri($"{GraphHost.Version}/{host.PageId}?access_token=stolen", UriKind.Relative));
        using var inQuery = await anonymous.GetAsync(new Uri($"{GraphHost.Version}/{host.PageId}?access_token={MetaAccounts.DefaultPageAccessToken}", UriKind.Relative));
        var error = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(104, Code(JsonDocument.Parse(await none.Content.ReadAsStringAsync()).RootElement));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
    }

    [Fact]
    public async Task Feed_PostEditDelete_ShowInTheRecentPosts()
    {
        await using var host = await GraphHost.StartAsync();

        var (_, created) = await host.PostAsync($"{host.PageId}/feed", ("message", "清掃ボランティア募集"), ("link", "https://city.example.jp/news/1"));
        var postId = created.GetProperty("id").GetString()!;
        var (_, edited) = await host.PostAsync(postId, ("message", "清掃ボランティア募集（訂正）"));
        var (_, recent) = await host.GetAsync($"{host.PageId}/posts");
        var (_, deleted) = await host.DeleteAsync(postId);
        var (_, after) = await host.GetAsync($"{host.PageId}/posts");
        var (gone, body) = await host.GetAsync(postId);

        Assert.StartsWith(host.PageId + "_", postId, StringComparison.Ordinal);
        Assert.True(edited.GetProperty("success").GetBoolean());
        var post = Assert.Single(recent.GetProperty("data").EnumerateArray());
        Assert.Equal("清掃ボランティア募集（訂正）", post.GetProperty("message").GetString());
        Assert.Equal(postId, post.GetProperty("id").GetString());
        Assert.True(deleted.GetProperty("success").GetBoolean());
        Assert.Empty(after.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal(100, Code(body));
    }

    [Fact]
    public async Task FeedAndPhotos_WithoutTheirRequiredParameters_AreRefusedWithCode100()
    {
        await using var host = await GraphHost.StartAsync();

        var (_, feed) = await host.PostAsync($"{host.PageId}/feed");
        var (_, photo) = await host.PostAsync($"{host.PageId}/photos", ("caption", "写真"));
        var (_, made) = await host.PostAsync($"{host.PageId}/photos", ("url", host.SampleJpeg), ("caption", "写真"));

        Assert.Equal(100, Code(feed));
        Assert.Equal(100, Code(photo));
        Assert.Equal(made.GetProperty("post_id").GetString(), Assert.Single(host.Server.Meta.Posts).Id);
        Assert.Equal(host.SampleJpeg, host.Server.Meta.Posts[0].ImageUrl);
    }

    [Fact]
    public async Task Instagram_ContainerIsInProgressThenFinished_PublishedOnceAndCountedAgainstTheQuota()
    {
        await using var host = await GraphHost.StartAsync();

        var (_, container) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", host.SampleJpeg), ("caption", "#市民活動 講座のお知らせ"));
        var id = container.GetProperty("id").GetString()!;
        var (_, early) = await host.PostAsync($"{host.IgUserId}/media_publish", ("creation_id", id));
        var (_, first) = await host.GetAsync($"{id}?fields=status_code");
        var (_, second) = await host.GetAsync($"{id}?fields=status_code");
        var (_, published) = await host.PostAsync($"{host.IgUserId}/media_publish", ("creation_id", id));
        var (_, again) = await host.PostAsync($"{host.IgUserId}/media_publish", ("creation_id", id));
        var (_, status) = await host.GetAsync($"{id}?fields=status_code");
        var (_, media) = await host.GetAsync($"{host.IgUserId}/media");
        var (_, limit) = await host.GetAsync($"{host.IgUserId}/content_publishing_limit?fields=quota_usage,config");

        Assert.Equal(9007, Code(early));
        Assert.Equal("IN_PROGRESS", first.GetProperty("status_code").GetString());
        Assert.Equal("FINISHED", second.GetProperty("status_code").GetString());
        Assert.Equal(100, Code(again));
        Assert.Equal("PUBLISHED", status.GetProperty("status_code").GetString());
        var item = Assert.Single(media.GetProperty("data").EnumerateArray());
        Assert.Equal(published.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        Assert.Equal("#市民活動 講座のお知らせ", item.GetProperty("caption").GetString());
        var usage = Assert.Single(limit.GetProperty("data").EnumerateArray());
        Assert.Equal(1, usage.GetProperty("quota_usage").GetInt32());
        Assert.Equal(100, usage.GetProperty("config").GetProperty("quota_total").GetInt32());
        Assert.Equal(86400, usage.GetProperty("config").GetProperty("quota_duration").GetInt32());
    }

    [Theory]
    [InlineData(2201, 0, 0)]
    [InlineData(0, 31, 0)]
    [InlineData(0, 0, 21)]
    public async Task Instagram_CaptionOverItsLimits_IsRefused(int length, int hashtags, int mentions)
    {
        await using var host = await GraphHost.StartAsync();
        var caption = new string('あ', length) + string.Concat(Enumerable.Range(0, hashtags).Select(i => $" #tag{i}"))
            + string.Concat(Enumerable.Range(0, mentions).Select(i => $" @user{i}"));
        var atLimit = new string('あ', 2200 - 310) + string.Concat(Enumerable.Range(0, 30).Select(i => $" #t{i}"));

        var (refused, body) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", host.SampleJpeg), ("caption", caption));
        var (accepted, _) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", host.SampleJpeg), ("caption", atLimit));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(100, Code(body));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Instagram_AnImageThatIsNotJpegOrCannotBeFetched_IsRefused()
    {
        await using var host = await GraphHost.StartAsync();

        var (_, png) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", host.SampleJpeg.Replace(".jpg", ".png", StringComparison.Ordinal)));
        var (_, missing) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", new Uri(host.Server.BaseUrl, "_emulator/meta/images/none.jpg").ToString()));

        Assert.Equal(100, Code(png));
        Assert.Equal(9004, Code(missing));
    }

    [Fact]
    public async Task Instagram_PastThePublishingLimit_RefusesWithSubcode2207042()
    {
        await using var host = await GraphHost.StartAsync(meta => meta.InstagramQuotaTotal = 1);
        await host.PublishToInstagramAsync("一件目");

        var (_, container) = await host.PostAsync($"{host.IgUserId}/media", ("image_url", host.SampleJpeg), ("caption", "二件目"));
        var id = container.GetProperty("id").GetString()!;
        await host.GetAsync($"{id}?fields=status_code");
        var (_, refused) = await host.PostAsync($"{host.IgUserId}/media_publish", ("creation_id", id));

        Assert.Equal(9, Code(refused));
        Assert.Equal(2207042, refused.GetProperty("error").GetProperty("error_subcode").GetInt32());
        Assert.Single(host.Server.Meta.Media);
    }

    [Fact]
    public async Task Instagram_CaptionEditAndDelete()
    {
        await using var host = await GraphHost.StartAsync();
        var mediaId = await host.PublishToInstagramAsync("前");

        var (_, edited) = await host.PostAsync(mediaId, ("caption", "後"));
        var (_, read) = await host.GetAsync($"{mediaId}?fields=caption");
        var (_, deleted) = await host.DeleteAsync(mediaId);

        Assert.True(edited.GetProperty("success").GetBoolean());
        Assert.Equal("後", read.GetProperty("caption").GetString());
        Assert.True(deleted.GetProperty("success").GetBoolean());
        Assert.True(Assert.Single(host.Server.Meta.Media).Deleted);
    }

    private static int Code(JsonElement body) => body.GetProperty("error").GetProperty("code").GetInt32();
}
