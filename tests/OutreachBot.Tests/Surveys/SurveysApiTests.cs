using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Surveys;

/// <summary>Staff build a survey through <c>/api/v1/surveys</c>: stored as given, refused field by field when it is not one.</summary>
public abstract class SurveysApiTests(string provider) : BotHost(provider)
{
    /// <summary>A survey with one question of each kind, the choices in Japanese and English.</summary>
    public static object Awareness(bool anonymous = false, string closesAt = "2099-03-31T17:00") => new
    {
        title = "市民活動アンケート",
        anonymous,
        closesAt,
        questions = new object[]
        {
            new
            {
                kind = "single",
                texts = new { ja = "市民活動を知っていますか", en = "Do you know about civic activities?" },
                options = new[] { new Dictionary<string, string> { ["ja"] = "知っている", ["en"] = "Yes" }, new() { ["ja"] = "知らない", ["en"] = "No" } },
            },
            new
            {
                kind = "multiple",
                texts = new { ja = "関心のある分野は", en = "Which fields interest you?" },
                options = new[] { new Dictionary<string, string> { ["ja"] = "防災" }, new() { ["ja"] = "子育て" }, new() { ["ja"] = "環境" } },
            },
            new { kind = "scale", texts = new { ja = "満足度を5段階で" } },
            new { kind = "text", texts = new { ja = "ご意見をどうぞ" } },
        },
    };

    public static async Task<long> CreateAsync(HttpClient api, object survey)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/surveys", survey);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [SkippableFact]
    public async Task Create_FourKindsOfQuestion_StoredAndReadBackWithTextsPerLanguage()
    {
        using var api = Bot.CreateApiClient();

        var id = await CreateAsync(api, Awareness(anonymous: true));
        var survey = await api.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}");

        Assert.Equal("市民活動アンケート", survey.GetProperty("title").GetString());
        Assert.True(survey.GetProperty("anonymous").GetBoolean());
        Assert.Equal(new DateTimeOffset(2099, 3, 31, 8, 0, 0, TimeSpan.Zero), survey.GetProperty("closesAt").GetDateTimeOffset());
        var questions = survey.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["single", "multiple", "scale", "text"], questions.Select(q => q.GetProperty("kind").GetString()));
        Assert.Equal("Do you know about civic activities?", questions[0].GetProperty("texts").GetProperty("en").GetString());
        Assert.Equal("No", questions[0].GetProperty("options")[1].GetProperty("en").GetString());
        Assert.Equal(3, questions[1].GetProperty("options").GetArrayLength());
        Assert.Equal(id, (await api.GetFromJsonAsync<JsonElement>("/api/v1/surveys"))[0].GetProperty("id").GetInt64());
    }

    [SkippableFact]
    public async Task Create_NotASurvey_400NamingEachFieldAndNothingStored()
    {
        using var api = Bot.CreateApiClient();

        using var refused = await api.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = "",
            closesAt = "2001-01-01T00:00",
            questions = new object[]
            {
                new { kind = "ranking", texts = new { ja = "順位" } },
                new { kind = "single", texts = new { en = "Only English" }, options = new[] { new Dictionary<string, string> { ["ja"] = "ひとつ" } } },
                new { kind = "scale", texts = new { ja = "満足度", xx = "?" } },
                new { kind = "text", texts = new { ja = "ご意見" }, options = new[] { new Dictionary<string, string> { ["ja"] = "余計" } } },
            },
        });
        using var tooMany = await api.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = "長すぎ",
            questions = Enumerable.Repeat(new { kind = "text", texts = new { ja = "質問" } }, 11),
        });
        using var missing = await api.GetAsync("/api/v1/surveys/999");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["closesAt", "questions[0].kind", "questions[1].options", "questions[1].texts.ja", "questions[2].texts.xx", "questions[3].options", "title"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("日本語は必須です。", errors.GetProperty("questions[1].texts.ja")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("questions", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM surveys"));
    }

    [SkippableFact]
    public async Task Replace_BeforeAnyAnswer_TakesTheNewQuestions_AndAnUnknownOneIs404()
    {
        using var api = Bot.CreateApiClient();
        var id = await CreateAsync(api, Awareness());

        using var replaced = await api.PutAsJsonAsync($"/api/v1/surveys/{id}", new
        {
            title = "講座アンケート",
            questions = new object[] { new { kind = "scale", texts = new { ja = "講座の満足度" } } },
        });
        using var invalid = await api.PutAsJsonAsync($"/api/v1/surveys/{id}", new { title = "", questions = Array.Empty<object>() });
        using var missing = await api.PutAsJsonAsync("/api/v1/surveys/999", Awareness());

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var survey = await api.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}");
        Assert.Equal("講座アンケート", survey.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, survey.GetProperty("closesAt").ValueKind);
        Assert.Equal("講座の満足度", Assert.Single(survey.GetProperty("questions").EnumerateArray()).GetProperty("texts").GetProperty("ja").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task Close_Now_EndsItBeforeItsTime_ASecondCloseIs409_AndItCanNoLongerBeSent()
    {
        using var api = Bot.CreateApiClient();
        var id = await CreateAsync(api, Awareness());

        using var closed = await api.PostAsync($"/api/v1/surveys/{id}/close", null);
        using var again = await api.PostAsync($"/api/v1/surveys/{id}/close", null);
        using var send = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/send", new { target = new { topics = Array.Empty<string>() } });
        using var missing = await api.PostAsync("/api/v1/surveys/999/close", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.True((await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closesAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("締め切り済み", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ja").GetString());
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class SurveysApiTestsOnSqlite() : SurveysApiTests("Sqlite");

public sealed class SurveysApiTestsOnPostgres() : SurveysApiTests("Postgres");
