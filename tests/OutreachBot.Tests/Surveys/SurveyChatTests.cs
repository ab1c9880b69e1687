using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Surveys;

/// <summary>
/// Citizens answer a survey in the chat through the emulator: one question at a time, stopping and going on, changing
/// answers until it closes, once however often they tap; anonymous answers name nobody; a closed survey or a forged
/// button changes nothing; answers past LINE's quick-reply limits come as Flex buttons.
/// </summary>
public abstract class SurveyChatTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Answer_OneQuestionAtATime_DoubleTapsRecordOnce_TypedTextGoesToTheSurvey_ThenChangedUntilClose()
    {
        var id = await CreateAsync(SurveysApiTests.Awareness());
        var hana = await FollowingAsync("Usurveyanswer0000000000000000001");

        var opened = await hana.TapAsync($"v1|svy|{id}");
        Assert.Contains("アンケート「市民活動アンケート」（全4問）です。", Sent.Text(opened));
        Assert.Contains("問1/4\n市民活動を知っていますか", Sent.Text(opened));
        Assert.Equal(["知っている", "知らない", "やめる"], Sent.Buttons(opened).Select(b => b.Label));
        await hana.TapAsync($"v1|svy-pick|{id}.0.0");
        var multiple = await hana.TapAsync($"v1|svy-pick|{id}.0.0");
        Assert.Contains("問2/4\n関心のある分野は", Sent.Text(multiple));
        await hana.TapAsync(Sent.Button(multiple, $"v1|svy-mark|{id}.1.0.1"));
        await hana.TapAsync($"v1|svy-mark|{id}.1.2.1");
        var marked = await hana.TapAsync($"v1|svy-mark|{id}.1.2.1");
        Assert.Equal(["✓ 防災", "子育て", "✓ 環境", "次へ", "やめる"], Sent.Buttons(marked).Select(b => b.Label));
        var scale = await hana.TapAsync($"v1|svy-next|{id}.1");
        Assert.Equal(["1", "2", "3", "4", "5", "やめる"], Sent.Buttons(scale).Select(b => b.Label));
        var text = await hana.TapAsync($"v1|svy-pick|{id}.2.4");
        Assert.Contains("問4/4\nご意見をどうぞ", Sent.Text(text));
        var thanks = await hana.SayAsync("駐車場を増やしてほしい");
        Assert.Contains("ご回答ありがとうございました。", Sent.Text(thanks));

        Assert.Equal("0|0|;1|0|;1|2|;2|4|;3|0|駐車場を増やしてほしい", await AnswersOfAsync(id, hana.UserId));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        Assert.Contains("アンケートの回答（匿名のものを除く）:\n「市民活動アンケート」4問に回答", Sent.Text(await hana.TapAsync("v1|mydata")));

        var again = await hana.TapAsync($"v1|svy|{id}");
        Assert.Contains("回答済みです。", Sent.Text(again));
        Assert.Equal(["✓ 知っている", "知らない", "次へ", "やめる"], Sent.Buttons(again).Select(b => b.Label));
        await hana.TapAsync($"v1|svy-pick|{id}.0.1");
        await _host.Database.ExecuteAsync($"UPDATE surveys SET closes_at = 1000 WHERE id = {id}");
        var closed = await hana.TapAsync($"v1|svy-mark|{id}.1.1.1");

        Assert.Contains("このアンケートは締め切りました。", Sent.Text(closed));
        Assert.Equal("0|1|;1|0|;1|2|;2|4|;3|0|駐車場を増やしてほしい", await AnswersOfAsync(id, hana.UserId));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_responses WHERE survey_id = {id}"));
    }

    [SkippableFact]
    public async Task StopAndResume_AtTheQuestionLastShown_YameruLeavesTheTextQuestion_InTheCitizensLanguageElseJapanese()
    {
        var id = await CreateAsync(SurveysApiTests.Awareness());
        var tom = await FollowingAsync("Usurveyresume0000000000000000001", "en");

        var opened = await tom.TapAsync($"v1|svy|{id}");
        Assert.Contains("Question 1/4\nDo you know about civic activities?", Sent.Text(opened));
        Assert.Equal(["Yes", "No", "Stop"], Sent.Buttons(opened).Select(b => b.Label));
        await tom.TapAsync($"v1|svy-pick|{id}.0.1");
        var stopped = await tom.TapAsync($"v1|svy-quit|{id}");
        Assert.Contains("Survey paused.", Sent.Text(stopped));
        var resumed = await tom.TapAsync($"v1|svy|{id}");
        Assert.Contains("Question 2/4\nWhich fields interest you?", Sent.Text(resumed));
        Assert.Equal(["防災", "子育て", "環境", "Next", "Stop"], Sent.Buttons(resumed).Select(b => b.Label));
        await tom.TapAsync($"v1|svy-next|{id}.1");
        await tom.TapAsync($"v1|svy-pick|{id}.2.3");
        await tom.TapAsync("v1|lang|ja");
        var text = await tom.TapAsync($"v1|svy|{id}");
        Assert.Contains("問4/4\nご意見をどうぞ", Sent.Text(text));
        var left = await tom.SayAsync("やめる");
        var question = await tom.SayAsync("次のお祭りはいつですか");

        Assert.Contains("回答を中断しました。", Sent.Text(left));
        Assert.Equal("0|1|;2|3|", await AnswersOfAsync(id, tom.UserId));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        Assert.NotEmpty(question);
    }

    [SkippableFact]
    public async Task TypedStop_AtATextQuestion_PausesTheSurvey_AndKeepsTheSubscriptions_ThoughStopIsAlsoAStopAllWord()
    {
        var id = await CreateAsync(SurveysApiTests.Awareness());
        var tom = await FollowingAsync("Usurveystopword000000000000000001", "en");
        await tom.TapAsync(Sent.Button(await tom.SayAsync("topics"), "v1|sub|"));
        await tom.TapAsync($"v1|svy|{id}");
        await tom.TapAsync($"v1|svy-pick|{id}.0.0");
        await tom.TapAsync($"v1|svy-next|{id}.1");
        var text = await tom.TapAsync($"v1|svy-pick|{id}.2.4");
        Assert.Contains("Question 4/4", Sent.Text(text));

        var stopped = await tom.SayAsync("Stop");

        Assert.Contains("Survey paused.", Sent.Text(stopped));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM subscriptions WHERE ended_at IS NULL"));
        Assert.StartsWith("v1|stop-yes|", Sent.Button(await tom.SayAsync("Stop"), "v1|stop-yes|"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OnceAnswered_TheQuestionsCannotBeReplaced_AndClosingEarlyRefusesTheNextTap()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await CreateAsync(SurveysApiTests.Awareness());
        var hana = await FollowingAsync("Usurveyclosed00000000000000000001");
        await hana.TapAsync($"v1|svy|{id}");
        await hana.TapAsync($"v1|svy-pick|{id}.0.0");

        using var replaced = await api.PutAsJsonAsync($"/api/v1/surveys/{id}", SurveysApiTests.Awareness(closesAt: "2099-12-31T17:00"));
        using var closed = await api.PostAsync($"/api/v1/surveys/{id}/close", null);
        var tapped = await hana.TapAsync($"v1|svy-mark|{id}.1.0.1");

        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        Assert.Contains("回答が始まった", (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ja").GetString());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("このアンケートは締め切りました。", Sent.Text(tapped));
        Assert.Equal("0|0|", await AnswersOfAsync(id, hana.UserId));
    }

    [SkippableFact]
    public async Task Anonymous_SaidBeforeTheFirstQuestion_AnswersNameNobody_AndASecondResponseIsRefused()
    {
        var id = await CreateAsync(SurveysApiTests.Awareness(anonymous: true));
        var hana = await FollowingAsync("Usurveyanonymous00000000000000001");

        var opened = await hana.TapAsync($"v1|svy|{id}");
        Assert.Contains("このアンケートは匿名です。", Sent.Text(opened));
        Assert.True(Sent.Text(opened).IndexOf("匿名", StringComparison.Ordinal) < Sent.Text(opened).IndexOf("問1/4", StringComparison.Ordinal));
        await hana.TapAsync($"v1|svy-pick|{id}.0.0");
        await hana.TapAsync($"v1|svy-next|{id}.1");
        await hana.TapAsync($"v1|svy-pick|{id}.2.5");
        var thanks = await hana.SayAsync("特になし");
        var again = await hana.TapAsync($"v1|svy|{id}");
        var change = await hana.TapAsync($"v1|svy-pick|{id}.0.1");
        var ownData = await hana.TapAsync("v1|mydata");

        Assert.Contains("ご回答ありがとうございました。", Sent.Text(thanks));
        Assert.All([again, change], answer => Assert.Contains("このアンケートには回答済みです（匿名のため", Sent.Text(answer)));
        Assert.DoesNotContain("アンケート", Sent.Text(ownData));
        Assert.Equal(3L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_answers WHERE survey_id = {id}"));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_answers WHERE respondent = '{hana.UserId}'"));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_answers WHERE survey_id = {id} AND question = 0 AND choice = 1"));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_responses WHERE survey_id = {id} AND respondent IS NULL AND completed_at IS NOT NULL"));
    }

    [SkippableFact]
    public async Task ForgedButtons_UnknownSurveyQuestionOrAnswerOrNotStarted_ChangeNothingAndAnswerPolitely()
    {
        var id = await CreateAsync(SurveysApiTests.Awareness());
        var hana = await FollowingAsync("Usurveyforged0000000000000000001");
        var notStarted = await hana.TapAsync($"v1|svy-pick|{id}.0.0");
        await hana.TapAsync($"v1|svy|{id}");

        var answers = new[]
        {
            notStarted,
            await hana.TapAsync("v1|svy|999"),
            await hana.TapAsync($"v1|svy-pick|{id}.9.0"),
            await hana.TapAsync($"v1|svy-pick|{id}.0.7"),
            await hana.TapAsync($"v1|svy-pick|{id}.1.0"),
            await hana.TapAsync($"v1|svy-mark|{id}.0.0.1"),
            await hana.TapAsync($"v1|svy-pick|{id}.2.6"),
        };
        var malformed = await hana.TapAsync($"v1|svy-mark|{id}.1.0.2");

        Assert.All(answers, answer => Assert.Contains("このボタンは使えません。", Sent.Text(answer)));
        Assert.Contains("この操作は受け付けられませんでした", Sent.Text(malformed));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM survey_answers"));
    }

    [SkippableFact]
    public async Task PastQuickReplyLimits_TheQuestionIsFlexButtonsTenACard_AndATapRecords()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await SurveysApiTests.CreateAsync(api, new
        {
            title = "よく使う施設",
            questions = new object[]
            {
                new
                {
                    kind = "single",
                    texts = new { ja = "よく使う施設は" },
                    options = Enumerable.Range(1, 15).Select(i => new Dictionary<string, string> { ["ja"] = $"施設{i}" }),
                },
                new
                {
                    kind = "single",
                    texts = new { ja = "地区は" },
                    options = new[] { new Dictionary<string, string> { ["ja"] = "富里市中央公民館のある七栄地区のあたりです" }, new() { ["ja"] = "その他" } },
                },
            },
        });
        var hana = await FollowingAsync("Usurveyflex00000000000000000001");

        var many = await hana.TapAsync($"v1|svy|{id}");
        var bubbles = Sent.Bubbles(many);
        Assert.Equal(2, bubbles.Count);
        Assert.Contains("問1/2", Sent.Shown(bubbles[0]));
        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"施設{i}")], Sent.Shown(bubbles[0]).Split(" | ").Skip(1));
        Assert.Equal(["施設11", "施設12", "施設13", "施設14", "施設15"], Sent.Shown(bubbles[1]).Split(" | "));
        Assert.Equal(["やめる"], Sent.Buttons(many).Select(b => b.Label).Where(l => !l.StartsWith("施設", StringComparison.Ordinal)));
        var longLabel = await hana.TapAsync(Sent.Button(many, $"v1|svy-pick|{id}.0.12"));
        Assert.Single(Sent.Bubbles(longLabel));
        Assert.Contains("富里市中央公民館のある七栄地区のあたりです", Sent.Shown(Sent.Bubbles(longLabel)[0]));
        await hana.TapAsync($"v1|svy-pick|{id}.1.0");

        Assert.Equal("0|12|;1|0|", await AnswersOfAsync(id, hana.UserId));
    }

    private async Task<long> CreateAsync(object survey)
    {
        using var api = _host.Bot.CreateApiClient();
        return await SurveysApiTests.CreateAsync(api, survey);
    }

    private async Task<CitizenChat> FollowingAsync(string userId, string language = "ja")
    {
        var chat = _host.Citizen(userId, language);
        await chat.FollowAsync();
        if (language != "ja")
        {
            await chat.TapAsync($"v1|lang|{language}");
        }

        return chat;
    }

    /// <summary>question|choice|text of each answer the respondent gave, in order, joined with ';'.</summary>
    private async Task<string> AnswersOfAsync(long id, string respondent)
    {
        var rows = await _host.Bot.Services.GetRequiredService<Database>().QueryAsync<(long Question, long Choice, string? Text)>(
            "SELECT question, choice, text FROM survey_answers WHERE survey_id = @Id AND respondent = @Respondent ORDER BY question, choice",
            new { Id = id, Respondent = respondent },
            default);
        return string.Join(';', rows.Select(r => $"{r.Question}|{r.Choice}|{r.Text}"));
    }
}

public sealed class SurveyChatTestsOnSqlite() : SurveyChatTests("Sqlite");

public sealed class SurveyChatTestsOnPostgres() : SurveyChatTests("Postgres");
