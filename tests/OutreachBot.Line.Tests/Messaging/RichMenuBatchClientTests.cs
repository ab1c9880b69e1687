using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>Switching many users' menus at once: the batch and its progress, and bulk link and unlink, against the emulator.</summary>
public sealed class RichMenuBatchClientTests
{
    private static RichMenuRequest Menu(string name) => new(
        new RichMenuSize(2500, 843), false, name, "メニュー", [new RichMenuArea(new RichMenuBounds(0, 0, 2500, 843), new PostbackAction("メニュー", "menu"))]);

    private static async Task<string> ShownMenuAsync(LineMessagingClient client, string name)
    {
        var id = (await client.CreateRichMenuAsync(Menu(name))).Value;
        await client.UploadRichMenuImageAsync(id, TestImages.Png(2500, 843), "image/png");
        return id;
    }

    private static async Task<(LineTestHost Host, string Everyday, string Disaster, string Other)> StartWithMenusAsync(
        Action<OutreachBot.LineEmulator.Hosting.EmulatorOptions>? emulator = null, TimeProvider? time = null)
    {
        var host = await LineTestHost.StartAsync(emulator: emulator, time: time);
        var everyday = await ShownMenuAsync(host.Client, "everyday");
        var disaster = await ShownMenuAsync(host.Client, "disaster");
        var other = await ShownMenuAsync(host.Client, "other");
        foreach (var user in new[] { "Ua", "Ub", "Uc" })
        {
            host.Line.AddFollower(user);
            await host.Client.LinkRichMenuToUserAsync(user, everyday);
        }

        host.Line.AddFollower("Uother");
        await host.Client.LinkRichMenuToUserAsync("Uother", other);
        host.Line.AddFollower("Unone");
        return (host, everyday, disaster, other);
    }

    private static string? MenuOf(LineTestHost host, string userId) => host.Line.Users.Find(userId)!.RichMenuId;

    [Fact]
    public async Task Batch_Link_AnswersAtOnceThenMovesEveryUserOfFromInTheBackgroundUntilSucceeded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        var (host, everyday, disaster, other) = await StartWithMenusAsync(o => o.RichMenuBatchUsersPerSecond = 10, time);
        await using var _ = host;

        var accepted = await host.Client.RichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.Link(everyday, disaster)]));
        var ongoing = (await host.Client.GetRichMenuBatchProgressAsync(accepted.RequestId!)).Value;
        var work = host.Line.RichMenuBatches.Find(accepted.RequestId!)!.Work;
        while (!work.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        var done = (await host.Client.GetRichMenuBatchProgressAsync(accepted.RequestId!)).Value;
        Assert.Equal(("ongoing", time.Start, (DateTimeOffset?)null), (ongoing.Phase, ongoing.AcceptedTime, ongoing.CompletedTime));
        Assert.Equal("succeeded", done.Phase);
        Assert.True(done.CompletedTime > done.AcceptedTime);
        Assert.All(new[] { "Ua", "Ub", "Uc" }, user => Assert.Equal(disaster, MenuOf(host, user)));
        Assert.Equal(other, MenuOf(host, "Uother"));
        Assert.Null(MenuOf(host, "Unone"));
    }

    [Fact]
    public async Task Batch_UnlinkAndUnlinkAll_LeaveTheirUsersWithTheDefaultMenu()
    {
        var (host, everyday, _, other) = await StartWithMenusAsync();
        await using var _ = host;

        var unlink = await host.Client.RichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.Unlink(everyday)]));
        await host.Line.RichMenuBatches.Find(unlink.RequestId!)!.Work;
        var otherAfterUnlink = MenuOf(host, "Uother");
        var unlinkAll = await host.Client.RichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.UnlinkAll()]));
        await host.Line.RichMenuBatches.Find(unlinkAll.RequestId!)!.Work;

        Assert.Equal(other, otherAfterUnlink);
        Assert.All(new[] { "Ua", "Ub", "Uc", "Uother", "Unone" }, user => Assert.Null(MenuOf(host, user)));
        Assert.Equal("succeeded", (await host.Client.GetRichMenuBatchProgressAsync(unlinkAll.RequestId!)).Value.Phase);
    }

    [Fact]
    public async Task Batch_UnknownFromOrToWithoutImage_Answers400AndValidateSaysTheSameWithoutRunningIt()
    {
        var (host, everyday, disaster, _) = await StartWithMenusAsync();
        await using var _ = host;
        var bare = (await host.Client.CreateRichMenuAsync(Menu("bare"))).Value;

        var unknown = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.RichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.Link("richmenu-gone", disaster)])));
        var noImage = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.ValidateRichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.Link(everyday, bare)])));
        await host.Client.ValidateRichMenuBatchAsync(new RichMenuBatchRequest([RichMenuBatchOperation.Link(everyday, disaster)]));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noImage.StatusCode);
        Assert.Equal(everyday, MenuOf(host, "Ua"));
        var missing = await Assert.ThrowsAsync<LineApiException>(() => host.Client.GetRichMenuBatchProgressAsync("no-such-request"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task BulkLinkAndUnlink_ChangeTheNamedUsersOnlyAndSkipUnknownIds()
    {
        var (host, everyday, disaster, _) = await StartWithMenusAsync();
        await using var _ = host;

        await host.Client.LinkRichMenuToUsersAsync(disaster, ["Ua", "Unone", "Unobody"]);
        var linked = (MenuOf(host, "Ua"), MenuOf(host, "Unone"), MenuOf(host, "Ub"));
        await host.Client.UnlinkRichMenuFromUsersAsync(["Ua", "Unobody"]);

        Assert.Equal((disaster, disaster, everyday), linked);
        Assert.Null(MenuOf(host, "Ua"));
        Assert.Null(host.Line.Users.Find("Unobody"));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            host.Client.LinkRichMenuToUsersAsync(disaster, [.. Enumerable.Range(0, 501).Select(i => $"U{i}")]).GetAwaiter().GetResult());
    }
}
