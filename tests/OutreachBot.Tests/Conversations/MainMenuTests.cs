using System.Text.Json;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Validation;
using OutreachBot.Resources;

namespace OutreachBot.Tests.Conversations;

/// <summary>The one menu: what features register is what the text menu offers and what the rich menu's areas and picture show.</summary>
public class MainMenuTests
{
    private static readonly TextCatalog Texts = MenuWorld.TextsWithExtraLabels();

    public static TheoryData<int> OneToTwenty => [.. Enumerable.Range(1, MainMenu.MaxEntries)];

    [Fact]
    public void Shipped_Features_TopicsMineEventsApplicationsAskLanguageProfileOwnDataHelpInThatOrder()
    {
        var menu = MenuWorld.Shipped(Texts);

        Assert.Equal(["topics", "mine", "events", "applications", "ask", "language", "profile", "mydata", "help"], menu.Entries.Select(e => e.Id));
        Assert.Equal(
            ["v1|topics|1", "v1|mine", "v1|events|1", "v1|apps", "v1|ask", "v1|langs", "v1|prof", "v1|mydata", "v1|help"],
            menu.Entries.Select(e => PostbackCodec.Encode(e.Command)));
    }

    [Fact]
    public void AddMenuEntry_AfterTheFeatures_InTextMenuAndRichMenuAfterTheirs()
    {
        var menu = MenuWorld.WithEntries(MenuWorld.ShippedEntries.Count + 1, Texts);
        var t = Texts.For("en");

        var text = Assert.IsType<TextMessage>(Assert.Single(menu.Menu(t)));
        var layout = RichMenuLayout.For(t, menu, "font");

        Assert.Equal(("Extra 1", "v1|events|1"), (text.QuickReply!.Items[^1].Action.Label, ((PostbackAction)text.QuickReply.Items[^1].Action).Data));
        Assert.Equal(("Extra 1", "v1|events|1"), (layout.Tiles[^1].Label, layout.Tiles[^1].Action.Data));
        Assert.Equal(MenuWorld.ShippedEntries.Count + 1, layout.Request.Areas.Count);
    }

    [Theory]
    [MemberData(nameof(OneToTwenty))]
    public void TextMenu_AnyNumberOfEntries_EveryEntryOfferedWithinLineLimits(int count)
    {
        var menu = MenuWorld.WithEntries(count, Texts);
        var t = Texts.For("ja");

        var messages = menu.Menu(t);

        Assert.Equal(menu.Entries.Select(Data), PostbacksIn(messages).Where(d => d != "v1|menu"));
        Assert.Equal(count <= LineLimits.QuickReplyItems ? typeof(TextMessage) : typeof(FlexMessage), Assert.Single(messages).GetType());
        var shortcuts = menu.Shortcuts(t).Items;
        Assert.Equal(Math.Min(count, LineLimits.QuickReplyItems), shortcuts.Count);
        Assert.Equal(count > LineLimits.QuickReplyItems, shortcuts[^1].Action is PostbackAction { Data: "v1|menu" });
        AssertValid([.. messages, .. menu.Help(t), .. menu.Invalid(t), .. menu.Expired(t)]);
    }

    [Theory]
    [MemberData(nameof(OneToTwenty))]
    public void RichMenu_AnyNumberOfEntries_OneAreaEachCoveringTheLineSizedPicture(int count)
    {
        var menu = MenuWorld.WithEntries(count, Texts);

        var layout = RichMenuLayout.For(Texts.For("ja"), menu, "font");

        Assert.Equal(menu.Entries.Select(Data), layout.Request.Areas.Select(a => ((PostbackAction)a.Action).Data));
        var size = layout.Size;
        Assert.InRange(size.Width, LineLimits.RichMenuImageMinWidth, LineLimits.RichMenuImageMaxWidth);
        Assert.True(size.Height >= LineLimits.RichMenuImageMinHeight && (double)size.Width / size.Height >= LineLimits.RichMenuImageMinAspectRatio, $"{size}");
        var bounds = layout.Request.Areas.Select(a => a.Bounds).ToList();
        Assert.All(bounds, b => Assert.True(b.X >= 0 && b.Y >= 0 && b.Width > 0 && b.Height > 0 && b.X + b.Width <= size.Width && b.Y + b.Height <= size.Height, $"{b}"));
        Assert.DoesNotContain(bounds.SelectMany((a, i) => bounds.Skip(i + 1).Where(b => Overlap(a, b))), _ => true);
        Assert.Equal((long)size.Width * size.Height, bounds.Sum(b => (long)b.Width * b.Height));
        var body = JsonSerializer.SerializeToElement(layout.Request, LineJsonContext.Default.RichMenuRequest);
        Assert.Empty(LineRequestValidator.Default.Validate("RichMenuRequest", body));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(20)]
    public void RichMenuPicture_AnyNumberOfEntries_SizeOfItsLayoutAndUnderOneMegabyte(int count)
    {
        var menu = MenuWorld.WithEntries(count, Texts);
        using var fonts = new RichMenuFonts(null);
        var layout = RichMenuLayout.For(Texts.For("ja"), menu, fonts.Identity);

        var png = RichMenuRenderer.Render(layout, fonts, [.. RichMenuLayout.For(Texts.For("en"), menu, fonts.Identity).Tiles.Select(x => x.Label)]);

        Assert.Equal((layout.Size.Width, layout.Size.Height), RichMenuImage.ReadSize(png, "image/png"));
        Assert.True(png.Length <= LineLimits.RichMenuImageBytes, $"{png.Length} bytes");
    }

    [Fact]
    public void MainMenu_TwentyOneEntries_Refused()
    {
        var entries = Enumerable.Range(1, MainMenu.MaxEntries + 1).Select(n => MenuWorld.Extra(n % MainMenu.MaxEntries + 1) with { Id = $"e{n}" });

        Assert.Throws<InvalidOperationException>(() => new MainMenu(entries, Texts));
    }

    [Fact]
    public void MainMenu_SameIdTwice_Refused()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new MainMenu([MenuWorld.Extra(1), MenuWorld.Extra(2) with { Id = "extra-1" }], Texts));

        Assert.Contains("extra-1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MainMenu_LabelKeyWithoutText_Refused()
    {
        Assert.Throws<KeyNotFoundException>(() => new MainMenu([MenuWorld.Extra(1) with { LabelKey = "Menu.Nothing" }], Texts));
    }

    private static string Data(MenuEntry entry) => PostbackCodec.Encode(entry.Command);

    private static bool Overlap(RichMenuBounds a, RichMenuBounds b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static List<string> PostbacksIn(IEnumerable<Message> messages)
    {
        var found = new List<string>();
        foreach (var message in messages)
        {
            Collect(JsonSerializer.SerializeToElement(message, LineJsonContext.Default.Message), found);
        }

        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "postback")
            {
                found.Add(element.GetProperty("data").GetString()!);
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, found);
            }
        }
    }

    private static void AssertValid(IReadOnlyList<Message> messages)
    {
        foreach (var message in messages)
        {
            var errors = LineRequestValidator.Default.ValidateMessage(message);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }
}
