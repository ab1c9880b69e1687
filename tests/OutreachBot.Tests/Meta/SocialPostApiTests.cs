using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Staff;

namespace OutreachBot.Tests.Meta;

/// <summary>The social page's actions through the API: decide about a post that needs checking, correct and delete a published one, each audited.</summary>
public abstract class SocialPostApiTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task PublishedPost_IsCorrectedThenDeleted_EachAuditedAsTheKey()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));
        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        var (edited, editedPost) = await H.PostAsync($"/api/v1/broadcasts/{id}/social/facebook/edit", new { text = "清掃ボランティア（日程を訂正）" });
        var corrected = Assert.Single(Meta.Posts).Message;
        using var client = H.Bot.CreateApiClient();
        using var deleted = await client.DeleteAsync($"/api/v1/broadcasts/{id}/social/facebook");

        Assert.Equal(200, (int)edited.StatusCode);
        Assert.Equal(SocialStatus.Published, editedPost!["status"]!.GetValue<string>());
        Assert.Equal("清掃ボランティア（日程を訂正）", corrected);
        Assert.Equal(200, (int)deleted.StatusCode);
        Assert.True(Assert.Single(Meta.Posts).Deleted);
        Assert.Equal(SocialStatus.Deleted, (await H.GetAsync(id))["channels"]!["facebook"]!["status"]!.GetValue<string>());
        Assert.Equal(1L, await AuditedAsync(AuditActions.SocialPostEdited));
        Assert.Equal(1L, await AuditedAsync(AuditActions.SocialPostDeleted));
    }

    [SkippableFact]
    public async Task NeedsCheck_DecidedToPost_IsPostedFromScratch_ASecondDecision409()
    {
        H.Line.MetaFaults.Add(new MetaFault { Kind = "timeout-after-publish", Path = "/feed", DelayMilliseconds = 4000 });
        H.Line.MetaFaults.Add(new MetaFault { Kind = "server-error", Path = "/posts", Count = null });
        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));
        await WaitForChannelAsync(id, "facebook", SocialStatus.NeedsCheck);

        var (decided, _) = await H.PostAsync($"/api/v1/broadcasts/{id}/social/facebook/decide", new { post = true });
        var (again, problem) = await H.PostAsync($"/api/v1/broadcasts/{id}/social/facebook/decide", new { post = true });
        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        Assert.Equal(200, (int)decided.StatusCode);
        Assert.Equal(409, (int)again.StatusCode);
        Assert.Contains("No post needs checking", problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, Meta.Posts.Count); // staff chose to post although the lost one had been made: their call
        Assert.Equal(1L, await AuditedAsync(AuditActions.SocialPostDecided));
    }

    [SkippableFact]
    public async Task Refusals_NoSuchChannel404_NothingPublished409_EmptyText400()
    {
        var id = await H.CreateAsync(SocialBroadcast(["line"]));

        var (otherChannel, _) = await H.PostAsync($"/api/v1/broadcasts/{id}/social/instagram/decide", new { post = false });
        var (line, _) = await H.PostAsync($"/api/v1/broadcasts/{id}/social/line/edit", new { text = "x" });
        var facebook = await H.CreateAsync(SocialBroadcast(["facebook"]));
        var (empty, errors) = await H.PostAsync($"/api/v1/broadcasts/{facebook}/social/facebook/edit", new { text = " " });
        var (undecidable, _) = await H.PostAsync($"/api/v1/broadcasts/{facebook}/social/facebook/decide", new { post = true });

        Assert.Equal(404, (int)otherChannel.StatusCode);
        Assert.Equal(404, (int)line.StatusCode);
        Assert.Equal(400, (int)empty.StatusCode);
        Assert.NotNull(errors!["errors"]!["text"]);
        Assert.Equal(409, (int)undecidable.StatusCode);
    }

    private Task<long> AuditedAsync(string action) =>
        H.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor = '{Infrastructure.TestBot.ApiKeyActor}'");
}

public sealed class SocialPostApiTestsOnSqlite() : SocialPostApiTests("Sqlite");

public sealed class SocialPostApiTestsOnPostgres() : SocialPostApiTests("Postgres");
