using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Meta;

/// <summary>Staff correct or delete a published post from the broadcast's page, decide about one that needs checking, and see a lost connection.</summary>
public abstract class SocialPostPageTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task PublishedPost_IsCorrectedThenDeletedOnThePage()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));
        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);
        using var editor = await ConsoleSession.SignedInAsync(H.Bot, StaffRole.Editor);
        var page = $"/console/broadcasts/{id}/social";

        (await editor.PostFormAsync($"{page}?handler=Edit", new() { ["channel"] = "facebook", ["text"] = "清掃ボランティア（日程を訂正）" }, page)).Dispose();
        var corrected = Assert.Single(Meta.Posts).Message;
        (await editor.PostFormAsync($"{page}?handler=Delete", new() { ["channel"] = "facebook" }, page)).Dispose();
        var detail = await editor.GetPageAsync($"/console/broadcasts/{id}");

        Assert.Equal("清掃ボランティア（日程を訂正）", corrected);
        Assert.True(Assert.Single(Meta.Posts).Deleted);
        Assert.Contains("削除済み", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UndecidablePost_NeedsCheck_AndDontPostLeavesItUnposted()
    {
        H.Line.MetaFaults.Add(new MetaFault { Kind = "timeout-after-publish", Path = "/feed", DelayMilliseconds = 4000 });
        H.Line.MetaFaults.Add(new MetaFault { Kind = "server-error", Path = "/posts", Count = null });
        var id = await H.CreateAsync(SocialBroadcast(["facebook"]));

        var post = await WaitForChannelAsync(id, "facebook", SocialStatus.NeedsCheck);
        using var editor = await ConsoleSession.SignedInAsync(H.Bot, StaffRole.Editor);
        var page = $"/console/broadcasts/{id}/social";
        var html = await editor.GetPageAsync(page);
        (await editor.PostFormAsync($"{page}?handler=Decide", new() { ["channel"] = "facebook", ["post"] = "false" }, page)).Dispose();
        var view = await H.GetAsync(id);

        Assert.Contains("確認が必要", html, StringComparison.Ordinal);
        Assert.Contains("Facebook ページに投稿されたか確認できませんでした", post["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SocialStatus.Failed, view["channels"]!["facebook"]!["status"]!.GetValue<string>());
        Assert.Single(Meta.Posts);
    }

    [SkippableFact]
    public async Task Dashboard_ShowsALostConnection()
    {
        await H.Get<MetaConnections>().MarkDisconnectedAsync("Error validating access token (code 190, subcode 463)", default);
        using var viewer = await ConsoleSession.SignedInAsync(H.Bot, StaffRole.Viewer);

        var html = await viewer.GetPageAsync("/console");

        Assert.Contains("data-testid=\"meta-disconnected\"", html, StringComparison.Ordinal);
    }
}

public sealed class SocialPostPageTestsOnSqlite() : SocialPostPageTests("Sqlite");

public sealed class SocialPostPageTestsOnPostgres() : SocialPostPageTests("Postgres");
