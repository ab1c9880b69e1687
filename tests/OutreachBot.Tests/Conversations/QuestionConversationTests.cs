using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Consultations;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Conversations;

/// <summary>Questions to staff (相談) and the FAQ keywords that answer some of them at once.</summary>
public abstract class QuestionConversationTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Question_NoFaqMatches_StoredAsConsultationAndAnswerTimeTold()
    {
        var chat = _host.Citizen("Uquestion0000000000000000000001");
        await chat.FollowAsync();

        var answer = await chat.SayAsync("助成金の申請書はどこでもらえますか？");

        Assert.Contains("ご質問を受け付けました（受付番号 1）", Sent.Text(answer));
        Assert.Contains("通常2営業日以内", Sent.Text(answer));
        Assert.Equal("open", await _host.ScalarAsync<string>("SELECT status FROM consultations WHERE id = 1"));
        Assert.Equal(chat.UserId, await _host.ScalarAsync<string>("SELECT user_id FROM consultations WHERE id = 1"));
        Assert.Equal("ja", await _host.ScalarAsync<string>("SELECT language FROM consultations WHERE id = 1"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Faq_KeywordInTheCitizensLanguage_AnsweredAtOnceNotStored()
    {
        using var api = _host.Bot.CreateApiClient();
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場", "ちゅうしゃじょう" }, answer = "センターの駐車場は30台分あります（無料）。" });
        await CreateFaqAsync(api, new { language = "en", keywords = new[] { "parking" }, answer = "The center has free parking for 30 cars." });
        var japanese = _host.Citizen("Ufaqja0000000000000000000000001");
        var english = _host.Citizen("Ufaqen0000000000000000000000001", "en");
        await japanese.FollowAsync();
        await english.FollowAsync();
        await english.TapAsync("v1|lang|en");

        var ja = await japanese.SayAsync("駐車場はありますか？");
        var en = await english.SayAsync("Is there PARKING near the center?");
        var fullWidth = await english.SayAsync("ＰＡＲＫＩＮＧ？");

        Assert.Contains("30台分", Sent.Text(ja));
        Assert.Contains("職員に質問", Sent.Text(ja));
        Assert.Equal("v1|ask", Assert.Single(Sent.Buttons(ja)).Data);
        Assert.Contains("free parking", Sent.Text(en));
        Assert.Contains("free parking", Sent.Text(fullWidth));
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Faq_EasyJapaneseCitizen_FallsBackToJapaneseEntries()
    {
        using var api = _host.Bot.CreateApiClient();
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は30台分あります。" });
        var chat = _host.Citizen("Ufaqeasy00000000000000000000001");
        await chat.FollowAsync();
        await chat.TapAsync("v1|lang|ja-easy");

        Assert.Contains("30台分", Sent.Text(await chat.SayAsync("駐車場 ありますか")));
    }

    [SkippableFact]
    public async Task Faq_EditedThroughTheApi_TheNextTextGetsTheEditedAnswerAndAnArchivedOneNone()
    {
        using var api = _host.Bot.CreateApiClient();
        var chat = _host.Citizen("Ufaqedit00000000000000000000001");
        await chat.FollowAsync();
        await chat.SayAsync("駐車場はありますか？");
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は30台分あります。" });

        var created = await chat.SayAsync("駐車場はありますか？");
        await UpdateFaqAsync(api, 1, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は工事中で使えません。" });
        var edited = await chat.SayAsync("駐車場はありますか？");
        await UpdateFaqAsync(api, 1, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は工事中で使えません。", archived = true });
        var archived = await chat.SayAsync("駐車場はありますか？");

        Assert.Contains("30台分", Sent.Text(created));
        Assert.Contains("工事中", Sent.Text(edited));
        Assert.Contains("受付番号 2", Sent.Text(archived));
    }

    [SkippableFact]
    public async Task Faq_ChangedByAnotherInstance_AnsweredFromTheChangeWithinTheCacheLifetime()
    {
        using var api = _host.Bot.CreateApiClient();
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は30台分あります。" });
        var chat = _host.Citizen("Ufaqother0000000000000000000001");
        await chat.FollowAsync();
        Assert.Contains("30台分", Sent.Text(await chat.SayAsync("駐車場はありますか？")));

        await _host.Database.ExecuteAsync("UPDATE faq_entries SET answer = '駐車場は工事中で使えません。'");
        var changedAt = System.Diagnostics.Stopwatch.StartNew();
        while (!Sent.Text(await chat.SayAsync("駐車場はありますか？")).Contains("工事中", StringComparison.Ordinal))
        {
            Assert.True(changedAt.Elapsed < FaqStore.MatchCacheLifetime + TimeSpan.FromSeconds(3), "the change made elsewhere was still not used");
            await Task.Delay(250);
        }
    }

    [SkippableFact]
    public async Task Ask_ThenAQuestionWithAKeyword_GoesToStaffNotTheFaq()
    {
        using var api = _host.Bot.CreateApiClient();
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は30台分あります。" });
        var chat = _host.Citizen("Uask000000000000000000000000001");
        await chat.FollowAsync();

        var faq = await chat.SayAsync("駐車場は大型バスも停められますか");
        var prompt = await chat.TapAsync(Sent.Button(faq, "v1|ask"));
        var stored = await chat.SayAsync("駐車場は大型バスも停められますか");
        var next = await chat.SayAsync("駐車場の場所は？");

        Assert.Contains("ご質問を1つのメッセージで送ってください", Sent.Text(prompt));
        Assert.Contains("受付番号 1", Sent.Text(stored));
        Assert.Contains("30台分", Sent.Text(next));
        Assert.Equal(1, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task Ask_TheQuestionComesAfterTheWait_AnsweredAsAnyTextNotStoredForStaff()
    {
        await _host.RestartAsync(new Dictionary<string, string?> { ["Conversations:QuestionWait"] = "00:00:01" });
        using var api = _host.Bot.CreateApiClient();
        await CreateFaqAsync(api, new { language = "ja", keywords = new[] { "駐車場" }, answer = "駐車場は30台分あります。" });
        var chat = _host.Citizen("Uasklate000000000000000000000001");
        await chat.FollowAsync();

        await chat.TapAsync("v1|ask");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var late = await chat.SayAsync("駐車場は大型バスも停められますか");

        Assert.Contains("30台分", Sent.Text(late));
        Assert.Equal(0, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
    }

    [SkippableFact]
    public async Task ConsultationsApi_StaffAnswer_PushedOnceAndMarkedAnswered()
    {
        var chat = _host.Citizen("Uanswer00000000000000000000001");
        await chat.FollowAsync();
        await chat.SayAsync("ボランティア保険について教えてください");
        using var api = _host.Bot.CreateApiClient();

        var open = await api.GetFromJsonAsync<JsonElement>("/api/v1/consultations");
        var answered = await api.PostAsJsonAsync("/api/v1/consultations/1/answer", new { text = "社会福祉協議会で加入できます。" });
        var again = await api.PostAsJsonAsync("/api/v1/consultations/1/answer", new { text = "社会福祉協議会で加入できます。" });

        Assert.Equal("ボランティア保険について教えてください", Assert.Single(open.EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var pushed = chat.All[^1];
        Assert.Equal("push", pushed.Via);
        Assert.Contains("【職員からの回答】受付番号 1\n社会福祉協議会で加入できます。", pushed.Content.GetProperty("text").GetString());
        Assert.Equal("answered", await _host.ScalarAsync<string>("SELECT status FROM consultations WHERE id = 1"));
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/consultations")).EnumerateArray());
        Assert.Equal("社会福祉協議会で加入できます。", Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/v1/consultations?status=all")).EnumerateArray()).GetProperty("answer").GetString());
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task FaqApi_InvalidEntry_ProblemPerField()
    {
        using var api = _host.Bot.CreateApiClient();

        var response = await api.PostAsJsonAsync("/api/v1/faq", new { language = "xx", keywords = new[] { "a" }, answer = "" });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("language", out _));
        Assert.True(errors.TryGetProperty("keywords", out _));
        Assert.True(errors.TryGetProperty("answer", out _));
    }

    private static async Task UpdateFaqAsync(HttpClient api, long id, object body)
    {
        var response = await api.PutAsJsonAsync($"/api/v1/faq/{id}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task CreateFaqAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/faq", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

public sealed class QuestionConversationTestsOnSqlite() : QuestionConversationTests("Sqlite");

public sealed class QuestionConversationTestsOnPostgres() : QuestionConversationTests("Postgres");
