using System.Text.Json;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

public class RichMenuJsonTests
{
    [Fact]
    public void RichMenuList_AreasWithPostbackActions_ReadBack()
    {
        var menu = new RichMenuResponse(
            "richmenu-1", new RichMenuSize(2500, 1686), true, "menu", "Menu",
            [new RichMenuArea(new RichMenuBounds(0, 0, 833, 843), new PostbackAction("Topics", "v1|topics|1", "Topics") { InputOption = PostbackInputOption.CloseRichMenu })]);
        var json = JsonSerializer.Serialize(new RichMenuListResponse([menu]), LineJsonContext.Default.RichMenuListResponse);

        var read = JsonSerializer.Deserialize(json, LineJsonContext.Default.RichMenuListResponse)!;

        var action = Assert.IsType<PostbackAction>(Assert.Single(Assert.Single(read.Richmenus).Areas).Action);
        Assert.Equal(("Topics", "v1|topics|1", "Topics", PostbackInputOption.CloseRichMenu), (action.Label, action.Data, action.DisplayText, action.InputOption));
    }
}
