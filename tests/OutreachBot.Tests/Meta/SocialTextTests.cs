using OutreachBot.Meta;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Meta;

/// <summary>Staff give the Facebook and Instagram post its own text, with other languages' texts below it; Instagram's limits are checked on save.</summary>
public abstract class SocialTextTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task StaffText_IsPostedWithTheAddedLanguagesBelowIt_AndShownInTheBroadcast()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"], new { text = "【募集】河川敷の清掃\r\n#ボランティア", languages = new[] { "en" } }, new Dictionary<string, object[]>
            {
                ["ja"] = [BroadcastHarness.Text("清掃ボランティアを募集します")],
                ["en"] = [BroadcastHarness.Text("Volunteers wanted for the clean-up")],
                ["vi"] = [BroadcastHarness.Text("Tuyển tình nguyện viên dọn dẹp")],
            }));

        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);
        var view = await H.GetAsync(id);

        Assert.Equal("【募集】河川敷の清掃\n#ボランティア\n\nVolunteers wanted for the clean-up", Assert.Single(Meta.Posts).Message);
        Assert.Equal("【募集】河川敷の清掃\n#ボランティア", view["social"]!["text"]!.GetValue<string>());
        Assert.Equal("en", view["social"]!["languages"]![0]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task NoText_TheJapaneseMessagesMakeThePost_WithAddedLanguagesBelow()
    {
        var id = await H.CreateAsync(SocialBroadcast(["facebook"], new { text = "  ", languages = new[] { "en", "ko" } }, new Dictionary<string, object[]>
            {
                ["ja"] = [BroadcastHarness.Text("講座のお知らせ")],
                ["en"] = [BroadcastHarness.Text("A seminar")],
            }));

        await WaitForChannelAsync(id, "facebook", SocialStatus.Published);

        Assert.Equal("講座のお知らせ\n\nA seminar", Assert.Single(Meta.Posts).Message);
    }

    [SkippableFact]
    public async Task StaffText_OverInstagramsHashtagLimit_400BesideTheText_NothingStored()
    {
        var hashtags = string.Join(' ', Enumerable.Range(1, InstagramCaption.MaxHashtags + 1).Select(i => $"#tag{i}"));
        var body = SocialBroadcast(["instagram"], new { text = "講座のお知らせ " + hashtags }, new Dictionary<string, object[]> { ["ja"] = [BroadcastHarness.Text("講座のお知らせ"), Image()] });

        var (response, json) = await H.PostAsync("/api/v1/broadcasts", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("30", json!["errors"]!["social.text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(json["errors"]!["channels"]);
        Assert.Equal(0L, await H.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    [SkippableFact]
    public async Task AddedLanguage_JapaneseOrUnknown_400NamingTheLanguages()
    {
        var (response, json) = await H.PostAsync("/api/v1/broadcasts", SocialBroadcast(["facebook"], new { languages = new[] { "ja", "xx" } }, new Dictionary<string, object[]> { ["ja"] = [BroadcastHarness.Text("講座のお知らせ")] }));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]!["social.languages"]);
    }
}

public sealed class SocialTextTestsOnSqlite() : SocialTextTests("Sqlite");

public sealed class SocialTextTestsOnPostgres() : SocialTextTests("Postgres");
