using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Privacy;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Surveys;

/// <summary>
/// Results through <c>/api/v1/surveys/{id}/results</c> and its CSV: counts and shares per answer, by language and by
/// topic, every count under Surveys:MinCellSize (5) hidden; typed answers listed; an erased citizen's answers still
/// counted without their text.
/// </summary>
public abstract class SurveyResultsTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Results_CountsAndSharesByLanguageAndTopic_SmallCellsHidden_TextsListed_ErasureKeepsTheCounts()
    {
        using var api = _host.Bot.CreateApiClient();
        using var topic = await api.PostAsJsonAsync("/api/v1/topics", new { slug = "kyodo", names = new { ja = "協働" } });
        var topicId = await _host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'kyodo'");
        var id = await SurveysApiTests.CreateAsync(api, SurveysApiTests.Awareness());
        var citizens = new List<CitizenChat>();
        for (var i = 0; i < 5; i++)
        {
            var chat = _host.Citizen($"Usurveyresultsja{i:D16}");
            await chat.FollowAsync();
            await chat.TapAsync($"v1|sub|{topicId}");
            await chat.TapAsync($"v1|svy|{id}");
            await chat.TapAsync($"v1|svy-pick|{id}.0.0");
            citizens.Add(chat);
        }

        var tom = _host.Citizen("Usurveyresultsen0000000000000001", "en");
        await tom.FollowAsync();
        await tom.TapAsync("v1|lang|en");
        await tom.TapAsync($"v1|svy|{id}");
        await tom.TapAsync($"v1|svy-pick|{id}.0.1");
        await citizens[0].TapAsync($"v1|svy-next|{id}.1");
        await citizens[0].TapAsync($"v1|svy-pick|{id}.2.4");
        await citizens[0].SayAsync("=駐車場を, 増やして");

        var results = await api.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}/results");
        var known = results.GetProperty("questions")[0];
        Assert.Equal(5, results.GetProperty("minCellSize").GetInt32());
        Assert.Equal(JsonValueKind.Null, results.GetProperty("completed").ValueKind);
        Assert.Equal("6|知っている:5:83.3|知らない:-:-", Cells(known.GetProperty("all")));
        Assert.Equal("5|知っている:5:100|知らない:-:-", Cells(known.GetProperty("byLanguage").GetProperty("ja")));
        Assert.Equal("-|知っている:-:-|知らない:-:-", Cells(known.GetProperty("byLanguage").GetProperty("en")));
        Assert.Equal("5|知っている:5:100|知らない:-:-", Cells(known.GetProperty("byTopic").GetProperty("kyodo")));
        Assert.Equal(["=駐車場を, 増やして"], results.GetProperty("questions")[3].GetProperty("texts").EnumerateArray().Select(t => t.GetString()));

        using var csv = await api.GetAsync($"/api/v1/surveys/{id}/results.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("1,single,市民活動を知っていますか,all,,6,知っている,5,83.3\r\n", text);
        Assert.Contains("1,single,市民活動を知っていますか,language,en,,知らない,,\r\n", text);
        Assert.Contains("4,text,ご意見をどうぞ,text,,,\"'=駐車場を, 増やして\",,\r\n", text);

        await _host.Bot.Services.GetRequiredService<PersonalDataEraser>().EraseAsync(citizens[0].UserId, DateTimeOffset.UtcNow, default);
        var erased = await api.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}/results");

        Assert.Equal("6|知っている:5:83.3|知らない:-:-", Cells(erased.GetProperty("questions")[0].GetProperty("all")));
        Assert.Empty(erased.GetProperty("questions")[3].GetProperty("texts").EnumerateArray());
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_answers WHERE respondent = '{citizens[0].UserId}'"));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM survey_responses WHERE user_id = '{citizens[0].UserId}'"));
    }

    /// <summary>respondents|label:count:percent|..., "-" for a hidden cell.</summary>
    private static string Cells(JsonElement group) =>
        string.Join('|', group.GetProperty("options").EnumerateArray()
            .Select(o => $"{o.GetProperty("label").GetString()}:{Shown(o.GetProperty("count"))}:{Shown(o.GetProperty("percent"))}")
            .Prepend(Shown(group.GetProperty("respondents"))));

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "-" : value.GetRawText();
}

public sealed class SurveyResultsTestsOnSqlite() : SurveyResultsTests("Sqlite");

public sealed class SurveyResultsTestsOnPostgres() : SurveyResultsTests("Postgres");
