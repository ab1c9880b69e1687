using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Consultations;
using OutreachBot.Tests.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Privacy;

/// <summary>
/// わたしのデータ as the citizen taps it through the LINE emulator: what the office holds, in their language, and
/// データを削除 behind a confirmation, which erases their data, keeps the counts and stops messages until they write again.
/// </summary>
public abstract class OwnDataChatTests(string provider) : IAsyncLifetime
{
    private const string Question = "公民館の和室は何人まで使えますか";
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task MyData_InJapanese_LanguageTopicsApplicationsAndQuestionsWithADeleteButton()
    {
        var (chat, _) = await CitizenWithDataAsync("Uowndata0000000000000000000000001", "ja");

        var shown = await chat.TapAsync("v1|mydata");

        var text = Sent.Text(shown);
        Assert.StartsWith("市民活動推進課がこのLINEで保存しているあなたの情報です。", text);
        Assert.Contains("言語: 日本語", text);
        Assert.Contains("LINEの表示名: 市民 太郎", text);
        Assert.Contains("登録中のトピック: ボランティア募集", text);
        Assert.Contains("リマインド: とみさと協働塾", text);
        Assert.Contains("・とみさと協働塾（受付番号 1、1名、確定）", text);
        Assert.Contains("質問（1件）", text);
        Assert.Contains(Question, text);
        Assert.Contains(("データを削除", "v1|erase"), Sent.Buttons(shown));
        LineChecks.AllValid(_host.Line);
    }

    [SkippableFact]
    public async Task MyData_InEnglish_ShownInEnglish()
    {
        var (chat, _) = await CitizenWithDataAsync("Uowndataen00000000000000000000001", "en", "Alice");

        var text = Sent.Text(await chat.TapAsync("v1|mydata"));

        Assert.StartsWith("This is what the civic activity office holds about you", text);
        Assert.Contains("Language: English", text);
        Assert.Contains("Topics you follow: Volunteer calls", text);
        Assert.Contains("- Co-op school (no. 1, 1 people, confirmed)", text);
        Assert.Contains("Questions (1):", text);
    }

    [SkippableFact]
    public async Task MyData_ManyQuestions_SplitOverMessagesWithinLinesLimitAndNoneLeftOut()
    {
        var (chat, _) = await CitizenWithDataAsync("Umanyquestions000000000000000001", "ja");
        var asked = await AddQuestionsAsync(chat.UserId, 60);

        var shown = Sent.Texts(await chat.TapAsync("v1|mydata"));

        Assert.InRange(shown.Count, 2, 5);
        Assert.All(shown, text => Assert.InRange(text.Length, 1, 5000));
        Assert.All(asked, question => Assert.Contains(question, string.Join("\n", shown)));
        Assert.EndsWith("確認してから削除します。", shown[^1]);
    }

    [SkippableFact]
    public async Task MyData_MoreQuestionsThanFiveMessagesHold_TheLastSaysHowManyLinesAreLeftAndHowToAskForThem()
    {
        var (chat, _) = await CitizenWithDataAsync("Utoomanyquestions000000000000001", "ja");
        await AddQuestionsAsync(chat.UserId, 400);

        var reply = await chat.TapAsync("v1|mydata");
        var shown = Sent.Texts(reply);

        Assert.Equal(5, shown.Count);
        Assert.All(shown, text => Assert.InRange(text.Length, 1, 5000));
        Assert.Matches("ほかに[0-9]+行あり", shown[^1]);
        Assert.Contains("開示請求", shown[^1]);
        Assert.Contains(("データを削除", "v1|erase"), Sent.Buttons(reply));
    }

    [SkippableFact]
    public async Task Delete_Confirmed_ErasesPersonalDataKeepsCountsAndStopsMessagesUntilTheCitizenWritesAgain()
    {
        var (chat, eventId) = await CitizenWithDataAsync("Uerase00000000000000000000000001", "ja");
        var id = chat.UserId;

        var ask = await chat.TapAsync("v1|erase");
        Assert.Contains("すべての配信を止めます", Assert.Single(ask).Content.GetProperty("template").GetProperty("text").GetString());
        Assert.Contains("削除を取りやめました", Sent.Text(await chat.TapAsync(Sent.Button(ask, "v1|erase-no"))));
        Assert.Contains("この操作は受け付けられませんでした", Sent.Text(await chat.TapAsync("v1|erase-yes|abc")));
        Assert.Equal(1L, await CountAsync($"subscriptions WHERE user_id = '{id}'"));

        var yes = Sent.Button(ask, "v1|erase-yes|");
        Assert.Contains("あなたの情報を削除しました", Sent.Text(await chat.TapAsync(yes)));

        Assert.Equal(0L, await CountAsync($"citizens WHERE user_id = '{id}' AND (display_name IS NOT NULL OR following OR erased_at IS NULL)"));
        foreach (var table in new[] { "subscriptions", "follow_periods", "event_reminders", "consultations", "consultation_threads", "conversation_states", "event_applications" })
        {
            Assert.Equal(0L, await CountAsync($"{table} WHERE user_id = '{id}'"));
        }

        Assert.Equal(0L, await CountAsync($"inbox_events WHERE payload LIKE '%{Question}%'"));
        Assert.Equal(1L, await CountAsync("subscriptions"));
        Assert.Equal(0L, await CountAsync("subscriptions WHERE ended_at IS NULL"));
        Assert.Equal(1L, await CountAsync($"event_applications WHERE event_id = {eventId} AND status = 'confirmed' AND user_id IS NULL AND answers IS NULL AND erased_at IS NOT NULL"));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {eventId}"));
        Assert.Equal(0L, await CountAsync("event_reminders WHERE cancelled_at IS NULL"));
        Assert.Equal(1L, await CountAsync("consultations WHERE text = '' AND answer IS NULL"));
        Assert.Empty(await _host.Bot.Services.GetRequiredService<ConsultationInbox>().ListAsync(ThreadFilter.All, default));
        using (var api = _host.Bot.CreateApiClient())
        {
            Assert.Equal("[]", await api.GetStringAsync("/api/v1/consultations?status=all"));
        }

        Assert.Equal(0L, await CountAsync("citizens WHERE following"));

        var again = await chat.SayAsync("メニュー");
        Assert.NotEmpty(again);
        Assert.Equal(1L, await CountAsync($"citizens WHERE user_id = '{id}' AND following AND display_name IS NULL"));

        Assert.Contains("この削除はもう済んでいます", Sent.Text(await chat.TapAsync(yes)));
        LineChecks.AllValid(_host.Line);
    }

    /// <summary>A citizen who follows 'volunteer', applied to an event (with its reminder) and asked staff a question.</summary>
    private async Task<(CitizenChat Chat, long EventId)> CitizenWithDataAsync(string userId, string language, string name = "市民 太郎")
    {
        using var api = _host.Bot.CreateApiClient();
        var eventId = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 3));
        var volunteer = await _host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'volunteer'");
        var chat = _host.Citizen(userId, language, name);
        await chat.FollowAsync();
        await chat.TapAsync($"v1|lang|{language}");
        await chat.TapAsync($"v1|sub|{volunteer}");
        await chat.TapAsync($"v1|apply|{eventId}");
        await chat.TapAsync($"v1|apply-yes|{eventId}");
        await chat.TapAsync("v1|ask");
        await chat.SayAsync(Question);
        Assert.Equal(1L, await CountAsync($"consultations WHERE user_id = '{userId}'"));
        return (chat, eventId);
    }

    /// <summary>Questions of about 100 characters each, stored as the chat stores them; returns their texts.</summary>
    private async Task<IReadOnlyList<string>> AddQuestionsAsync(string userId, int count)
    {
        var texts = Enumerable.Range(0, count).Select(i => $"質問{i:D3}: " + string.Concat(Enumerable.Repeat("公民館の和室の利用について", 7))).ToList();
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _host.Database.ExecuteAsync(string.Concat(texts.Select((text, i) =>
            $"INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at) VALUES ('{userId}', 'ja', '{text}', 'many-{userId}-{i}', {at + i});")));
        return texts;
    }

    private Task<long> CountAsync(string tableAndWhere) => _host.ScalarAsync<long>($"SELECT COUNT(*) FROM {tableAndWhere}");
}

public sealed class OwnDataChatTestsOnSqlite() : OwnDataChatTests("Sqlite");

public sealed class OwnDataChatTestsOnPostgres() : OwnDataChatTests("Postgres");
