using System.Net;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

public sealed class RichMenuClientTests
{
    private static RichMenuRequest Menu(string name = "main") => new(
        new RichMenuSize(2500, 843), false, name, "メニュー",
        [
            new RichMenuArea(new RichMenuBounds(0, 0, 1250, 843), new PostbackAction("イベント", "menu=events")),
            new RichMenuArea(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuSwitchAction("次へ", "menu-b", "menu=b")),
        ]);

    [Fact]
    public async Task RichMenu_CreateUploadDefaultLinkAlias_WorksEndToEnd()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");
        var client = host.Client;

        var id = (await client.CreateRichMenuAsync(Menu())).Value;
        await client.UploadRichMenuImageAsync(id, TestImages.Png(2500, 843), "image/png");
        await client.SetDefaultRichMenuAsync(id);
        await client.LinkRichMenuToUserAsync("Ualice", id);
        await client.CreateRichMenuAliasAsync("menu-b", id);

        var listed = Assert.Single((await client.GetRichMenuListAsync()).Value);
        Assert.Equal((id, "main", 2, "postback"), (listed.RichMenuId, listed.Name, listed.Areas.Count, "postback"));
        Assert.IsType<PostbackAction>(listed.Areas[0].Action);
        Assert.Equal(id, (await client.GetDefaultRichMenuIdAsync()).Value);
        Assert.Equal(id, (await client.GetRichMenuIdOfUserAsync("Ualice")).Value);
        Assert.Equal(id, host.Line.Users.Find("Ualice")!.RichMenuId);
        Assert.Equal([new RichMenuAliasResponse("menu-b", id)], (await client.GetRichMenuAliasListAsync()).Value);

        var second = (await client.CreateRichMenuAsync(Menu("second"))).Value;
        await client.UpdateRichMenuAliasAsync("menu-b", second);
        Assert.Equal(second, (await client.GetRichMenuAliasAsync("menu-b")).Value.RichMenuId);

        await client.UnlinkRichMenuFromUserAsync("Ualice");
        await client.DeleteRichMenuAliasAsync("menu-b");
        await client.CancelDefaultRichMenuAsync();
        await client.DeleteRichMenuAsync(id);

        Assert.Null(host.Line.Users.Find("Ualice")!.RichMenuId);
        Assert.Empty((await client.GetRichMenuAliasListAsync()).Value);
        Assert.Equal(second, Assert.Single((await client.GetRichMenuListAsync()).Value).RichMenuId);
        var gone = await Assert.ThrowsAsync<LineApiException>(() => client.GetRichMenuAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task UploadRichMenuImageAsync_WrongSizeOrSecondImage_Throws400()
    {
        await using var host = await LineTestHost.StartAsync();
        var id = (await host.Client.CreateRichMenuAsync(Menu())).Value;

        var wrongSize = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.UploadRichMenuImageAsync(id, TestImages.Png(2500, 1686), "image/png"));
        await host.Client.UploadRichMenuImageAsync(id, TestImages.Png(2500, 843), "image/png");
        var again = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.UploadRichMenuImageAsync(id, TestImages.Png(2500, 843), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, wrongSize.StatusCode);
        Assert.Contains("already been uploaded", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetDefaultRichMenuAsync_MenuWithoutImage_Throws400()
    {
        await using var host = await LineTestHost.StartAsync();
        var id = (await host.Client.CreateRichMenuAsync(Menu())).Value;

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.SetDefaultRichMenuAsync(id));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task CreateRichMenuAsync_TooSmallMenu_Throws400WithSizeDetail()
    {
        await using var host = await LineTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.CreateRichMenuAsync(Menu() with { Size = new RichMenuSize(600, 600) }));

        Assert.Contains(error.Details, d => d.Property == "size");
    }
}
