using System.Globalization;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.Tests.Conversations;

public class TextCatalogTests
{
    private static readonly TextCatalog Texts = TextCatalog.Load();

    private static readonly string[] ButtonLabels =
    [
        TextKeys.GreetingKeep, TextKeys.GreetingDrop, TextKeys.MenuTopics, TextKeys.MenuMine, TextKeys.MenuEvents, TextKeys.MenuAsk,
        TextKeys.MenuLanguage, TextKeys.MenuHelp, TextKeys.TopicSubscribe, TextKeys.TopicUnsubscribe, TextKeys.PageNext,
        TextKeys.MineUnsubscribe, TextKeys.MineStopAll, TextKeys.StopAllYes, TextKeys.StopAllNo, TextKeys.EventRemind,
        TextKeys.EventStopReminding, TextKeys.EventDetails,
    ];

    public static TheoryData<string> AllLanguages => [.. Languages.Supported.Select(l => l.Code)];

    [Theory]
    [InlineData("ja")]
    [InlineData("ja-easy")]
    [InlineData("en")]
    public void Texts_RequiredLanguage_HasEveryKeyTheCodeUses(string language)
    {
        var missing = TextKeys.All.Where(key => Texts.GetOwn(key, language) is null).ToList();

        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Texts_AnyLanguage_HasNoKeyJapaneseLacksAndKeepsLineLimits(string language)
    {
        var t = Texts.For(language);

        Assert.All(Texts.Keys, key => Assert.Contains(key, TextKeys.All));
        Assert.All(ButtonLabels, key => Assert.True(t[key].Length <= LineLimits.ActionLabel, $"{language} {key} '{t[key]}' is over 20"));
        Assert.True(t[TextKeys.RichMenuChatBar].Length <= LineLimits.RichMenuChatBarText);
        Assert.True(t.Format(TextKeys.StopAllConfirm, 999).Length <= LineLimits.ConfirmTemplateText);
        Assert.True(t.Format(TextKeys.GreetingKeepQuestion, 999).Length <= LineLimits.ConfirmTemplateText);
        Assert.True($"{t[TextKeys.GreetingWelcome]}\n\n{t[TextKeys.GreetingChooseLanguage]}".Length * 2 < LineLimits.TextLength);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Texts_AnyLanguage_FormatsAndDatesWork(string language)
    {
        var t = Texts.For(language);
        var at = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(9));

        Assert.NotEqual(CultureInfo.InvariantCulture, t.Culture);
        Assert.Contains("12", t.Format(TextKeys.TopicFollowers, 12));
        Assert.Contains("5", at.ToString(t[TextKeys.EventDateFormat], t.Culture));
        Assert.Contains("{", t.Format(TextKeys.EventRange, "{", "}"));
        Assert.Contains("42", t.Format(TextKeys.ConsultationReceived, 42, t[TextKeys.ConsultationAnswerTime]));
    }

    [Fact]
    public void EasyJapanese_IsNoPredefinedDotNetCulture_SoTheCatalogReadsTheResxItself()
    {
        Assert.Throws<CultureNotFoundException>(() => CultureInfo.GetCultureInfo(Languages.EasyJapanese, predefinedOnly: true));
        Assert.Equal("やさしい にほんごで はなします。", Texts.Get(TextKeys.LanguageChosen, Languages.EasyJapanese));
    }

    [Fact]
    public void Get_KeyMissingInALanguage_FallsBackToJapanese()
    {
        var catalog = TextCatalog.Load(new Dictionary<string, Dictionary<string, string>> { ["ja"] = new() { ["Only.Japanese"] = "日本語だけ" } });

        Assert.Equal(["ja-easy", "ja"], TextCatalog.FallbackChain("ja-easy"));
        Assert.Equal(["pt-BR", "pt", "ja"], TextCatalog.FallbackChain("pt-BR"));
        Assert.Equal("日本語だけ", catalog.Get("Only.Japanese", "ja-easy"));
        Assert.Equal("日本語だけ", catalog.Get("Only.Japanese", "ko"));
        Assert.Equal(Texts.Get(TextKeys.MenuHelp, "ja"), catalog.For("tlh")[TextKeys.MenuHelp]);
    }

    [Fact]
    public void Load_Override_ReplacesTheResxText()
    {
        var catalog = TextCatalog.Load(new Dictionary<string, Dictionary<string, string>> { ["en"] = new() { [TextKeys.ConsultationAnswerTime] = "We answer within 24 hours." } });

        Assert.Equal("We answer within 24 hours.", catalog.For("en")[TextKeys.ConsultationAnswerTime]);
        Assert.Equal(Texts.Get(TextKeys.ConsultationAnswerTime, "ja"), catalog.For("ja")[TextKeys.ConsultationAnswerTime]);
    }
}
