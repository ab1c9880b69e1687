using OutreachBot.LineEmulator.State;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// The disaster menu's 避難所, ハザードマップ and 助けが必要 in the chat: the open shelters as a carousel with map links and
/// 「現在地を送る」, nearest first with their distance once the citizen shares a location, in the citizen's language.
/// </summary>
public abstract class ShelterChatTests(string provider) : DisasterSuite(provider, Settings)
{
    private const string Citizen = "Ud15a5e70000000000000000000000b01";
    private const string English = "Ud15a5e70000000000000000000000b02";
    private const string HazardMap = "https://city.example.jp/bousai/hazardmap.html";
    private const string HazardMapEnglish = "https://city.example.jp/en/hazardmap.html";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:HazardMapUrl"] = HazardMap,
        ["Disaster:HazardMapUrls:en"] = HazardMapEnglish,
    };

    [SkippableFact]
    public async Task Shelters_OpenOnesWithMapLinks_NearestFirstOnceTheCitizenSharesWhereTheyAre()
    {
        await AddAsync("中央小学校", "Chuo Elementary School", 35.6812, 139.7671, "designated-shelter", open: true);
        await AddAsync("新宿中央公園", "Shinjuku Central Park", 35.6899, 139.6921, "emergency-site", open: true);
        await AddAsync("閉鎖中の体育館", "Closed gym", 35.6897, 139.7010, "designated-shelter", open: false);
        await AddAsync("西新宿福祉センター", "Nishi-Shinjuku Welfare Centre", 35.6900, 139.7030, "welfare-shelter", open: true);
        await SwitchAsync(new { active = true, reason = "震度6強の地震" });
        var chat = Host.Citizen(Citizen);
        await chat.FollowAsync();

        var listed = await chat.TapAsync("v1|shelters");
        var nearest = await chat.ShareLocationAsync(35.6896, 139.7006);

        Assert.Equal(["中央小学校", "新宿中央公園", "西新宿福祉センター"], Names(listed));
        Assert.Equal(
            "https://www.google.com/maps/search/?api=1&query=35.6812,139.7671",
            Sent.Bubbles(listed)[0].GetProperty("footer").GetProperty("contents")[0].GetProperty("action").GetProperty("uri").GetString());
        Assert.Equal(["location", "location"], [.. new[] { listed, nearest }.Select(LastQuickReply)]);
        Assert.Equal(["西新宿福祉センター", "新宿中央公園", "中央小学校"], Names(nearest));
        Assert.Equal(
            ["ここから 220 m", "ここから 770 m", "ここから 6.1 km"],
            Sent.Bubbles(nearest).Select(b => Sent.Shown(b).Split(" | ").Single(p => p.StartsWith("ここから", StringComparison.Ordinal))));
        Assert.Contains("福祉避難所", Sent.Shown(Sent.Bubbles(nearest)[0]), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Shelters_InEnglish_NamesAndTextsAndTheEnglishHazardMap()
    {
        await AddAsync("中央小学校", "Chuo Elementary School", 35.6812, 139.7671, "designated-shelter", open: true);
        await SwitchAsync(new { active = true, reason = "大雨特別警報" });
        var chat = Host.Citizen(English, "en");
        await chat.FollowAsync();
        await chat.TapAsync("v1|lang|en");
        var japanese = Host.Citizen(Citizen);
        await japanese.FollowAsync();

        var listed = await chat.TapAsync("v1|shelters");
        var map = Sent.Text(await chat.TapAsync("v1|hazard"));
        var japaneseMap = Sent.Text(await japanese.TapAsync("v1|hazard"));

        Assert.Equal(["Chuo Elementary School"], Names(listed));
        Assert.Contains("Send my location", Sent.Text(listed), StringComparison.Ordinal);
        Assert.Contains(HazardMapEnglish, map, StringComparison.Ordinal);
        Assert.Contains(HazardMap, japaneseMap, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task HelpNeeded_NoShelterOpen_SaysSoAndOffersToSendTheLocation()
    {
        await SwitchAsync(new { active = true, reason = "津波警報" });
        var chat = Host.Citizen(Citizen);
        await chat.FollowAsync();

        var help = await chat.TapAsync("v1|safety-help");
        var nearest = await chat.ShareLocationAsync(35.6896, 139.7006);

        Assert.Contains("119", Sent.Text(help), StringComparison.Ordinal);
        Assert.Equal("location", LastQuickReply(help));
        Assert.Empty(Sent.Bubbles(nearest));
        Assert.Contains("開いている避難所はありません", Sent.Text(nearest), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Location_OutsideDisasterModeWithNoShelterOpen_IsNoQuestionAboutShelters()
    {
        var chat = Host.Citizen(Citizen);
        await chat.FollowAsync();

        var answer = await chat.ShareLocationAsync(35.6896, 139.7006);

        Assert.Empty(Sent.Bubbles(answer));
        Assert.DoesNotContain("避難所", Sent.Text(answer), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Shelters_MoreThanACarouselHolds_TwelveAndHowManyMore()
    {
        for (var i = 0; i < 14; i++)
        {
            await AddAsync($"避難所{i:00}", null, 35.68 + (i / 1000.0), 139.70, "emergency-site", open: true);
        }

        await SwitchAsync(new { active = true, reason = "震度7の地震" });
        var chat = Host.Citizen(Citizen);
        await chat.FollowAsync();

        var listed = await chat.TapAsync("v1|shelters");

        Assert.Equal(12, Sent.Bubbles(listed).Count);
        Assert.Contains("ほかに2か所開いています", Sent.Text(listed), StringComparison.Ordinal);
    }

    private Task AddAsync(string name, string? english, double latitude, double longitude, string kind, bool open) =>
        SendAsync(HttpMethod.Post, "/api/v1/shelters", new
        {
            names = english is null ? new Dictionary<string, string> { ["ja"] = name } : new() { ["ja"] = name, ["en"] = english },
            address = "新宿区",
            latitude,
            longitude,
            kind,
            open,
        });

    private static string[] Names(IEnumerable<ChatLine> lines) =>
        [.. Sent.Bubbles(lines).Select(b => b.GetProperty("body").GetProperty("contents")[0].GetProperty("text").GetString()!)];

    private static string LastQuickReply(IReadOnlyList<ChatLine> lines) =>
        lines[^1].Content.GetProperty("quickReply").GetProperty("items")[0].GetProperty("action").GetProperty("type").GetString()!;
}

public sealed class ShelterChatTestsOnSqlite() : ShelterChatTests("Sqlite");

public sealed class ShelterChatTestsOnPostgres() : ShelterChatTests("Postgres");
