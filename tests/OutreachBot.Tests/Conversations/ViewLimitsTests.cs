using OutreachBot.CivicEvents;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Conversations.Views;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Validation;
using OutreachBot.Resources;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.Conversations;

/// <summary>The answers at their largest (long names and descriptions, many topics and events), in every language, stay within LINE's limits.</summary>
public class ViewLimitsTests
{
    private static readonly TextCatalog Texts = TextCatalog.Load();
    private static readonly MainMenu Menu = MenuWorld.Shipped(Texts);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static TheoryData<string> AllLanguages => [.. Languages.Supported.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void TopicPages_ManyLongTopics_PaginatedAndValid(string language)
    {
        var t = Texts.For(language);
        var topics = Enumerable.Range(1, 45).Select(LongTopic).ToList();
        var following = topics.Where(x => x.Id % 2 == 0).Select(x => x.Id).ToHashSet();

        var pages = Enumerable.Range(1, TopicCards.PageCount(topics.Count)).Select(page => TopicCards.Page(t, topics, following, page)).ToList();

        Assert.Equal(5, pages.Count);
        Assert.All(pages[..^1], p => Assert.Equal(TopicCards.PerPage + 1, ((FlexCarousel)p.Contents).Contents.Count));
        Assert.Equal(5, ((FlexCarousel)pages[^1].Contents).Contents.Count);
        AssertValid([.. pages, TopicCards.Card(t, topics[0], following: true)]);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void SubscriptionList_EveryTopicFollowed_Valid(string language)
    {
        var t = Texts.For(language);

        AssertValid([SubscriptionList.Of(t, [.. Enumerable.Range(1, 45).Select(LongTopic)]), SubscriptionList.Of(t, [LongTopic(1)])]);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void EventPage_LongTitlesVenuesAndUrls_Valid(string language)
    {
        var t = Texts.For(language);
        var topics = Enumerable.Range(1, 3).Select(LongTopic).ToDictionary(x => x.Id);
        var events = Enumerable.Range(1, EventCards.PerPage).Select(i => new CivicEvent
        {
            Id = i,
            Titles = new Dictionary<string, string> { ["ja"] = new('祭', EventValidation.MaxTitleLength) },
            StartsAt = DateTimeOffset.UtcNow.AddDays(i),
            EndsAt = DateTimeOffset.UtcNow.AddDays(i + 1),
            Venue = new string('館', EventValidation.MaxVenueLength),
            Url = "https://example.org/" + new string('a', LineLimits.UriLength - 20),
            ImageUrl = "https://example.org/" + new string('b', 500) + ".png",
            TopicId = 1 + (i % 3),
        }).ToList();

        AssertValid([EventCards.Page(t, events, 99, 1, new HashSet<long> { 2, 3 }, topics, Tokyo), EventCards.Reminder(t, events[0], Tokyo)]);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void MenusAndQuestions_EveryLanguage_Valid(string language)
    {
        var t = Texts.For(language);

        AssertValid([.. Menu.Menu(t), .. Menu.Help(t), .. Menus.LanguagePrompt(t), .. Menu.Invalid(t), .. Menu.Expired(t)]);
        AssertValid([Menus.Confirm(t.Format(TextKeys.StopAllConfirm, 45), Menus.Button(t[TextKeys.StopAllYes], new OutreachBot.Conversations.Command.ConfirmStopAll(1)), Menus.Button(t[TextKeys.StopAllNo], new OutreachBot.Conversations.Command.CancelStopAll()))]);
        AssertValid([Menus.Text(new string('長', 20_000))]);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void RichMenu_EveryLanguage_ValidRequestAndLineSizedPng(string language)
    {
        using var fonts = new RichMenuFonts(null);
        var layout = RichMenuLayout.For(Texts.For(language), Menu, fonts.Identity);
        var english = RichMenuLayout.For(Texts.For("en"), Menu, fonts.Identity).Tiles.Select(x => x.Label).ToList();

        var png = RichMenuRenderer.Render(layout, fonts, english);

        Assert.Equal((2500, 1686), RichMenuImage.ReadSize(png, "image/png"));
        Assert.True(png.Length <= LineLimits.RichMenuImageBytes, $"{png.Length} bytes");
        var body = System.Text.Json.JsonSerializer.SerializeToElement(layout.Request, LineJsonContext.Default.RichMenuRequest);
        Assert.Empty(LineRequestValidator.Default.Validate("RichMenuRequest", body));
        Assert.Matches("^[a-z0-9_-]{1,32}$", layout.AliasId);
    }

    private static void AssertValid(IReadOnlyList<Message> messages)
    {
        foreach (var message in messages)
        {
            var errors = LineRequestValidator.Default.ValidateMessage(message);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }

    private static Topic LongTopic(int id) => new()
    {
        Id = id,
        Slug = $"topic-{id}",
        Names = new Dictionary<string, string> { ["ja"] = new('名', TopicValidation.MaxNameLength) },
        Descriptions = new Dictionary<string, string> { ["ja"] = new('説', TopicValidation.MaxDescriptionLength) },
        SubscriberCount = 1_234_567,
    };
}
