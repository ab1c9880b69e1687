using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Subscriptions;

public abstract class TopicsApiTests(string provider) : BotHost(provider)
{
    private HttpClient _api = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = Bot.CreateApiClient();
    }

    public override async Task DisposeAsync()
    {
        _api.Dispose();
        await base.DisposeAsync();
    }

    [SkippableFact]
    public async Task List_FirstStart_HasTheOfficesUsualTopicsInJapaneseAndEnglish()
    {
        var topics = await _api.GetFromJsonAsync<JsonElement[]>("/api/v1/topics");

        Assert.Equal(8, topics!.Length);
        Assert.Equal("ボランティア募集", topics[0].GetProperty("names").GetProperty("ja").GetString());
        Assert.All(topics, t => Assert.True(t.GetProperty("names").TryGetProperty("en", out _)));
        Assert.All(topics, t => Assert.Equal(0, t.GetProperty("subscriberCount").GetInt64()));
    }

    [SkippableFact]
    public async Task Create_ValidTopic_Answers201AndListsIt()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/topics", new
        {
            slug = "sports",
            names = new { ja = "スポーツ", en = "Sports" },
            descriptions = new { ja = "市民スポーツ大会など" },
            order = 5,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/topics/sports", response.Headers.Location?.ToString());
        var topics = await _api.GetFromJsonAsync<JsonElement[]>("/api/v1/topics");
        Assert.Equal("sports", topics![0].GetProperty("slug").GetString());
        Assert.Equal("市民スポーツ大会など", topics[0].GetProperty("descriptions").GetProperty("ja").GetString());
    }

    [SkippableFact]
    public async Task Create_TakenSlug_Answers409()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/topics", new { slug = "volunteer", names = new { ja = "別" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [SkippableFact]
    public async Task Create_StaffMistakes_Answers400NamingEachField()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/topics", new
        {
            slug = "Bad Slug!",
            names = new Dictionary<string, string> { ["en"] = new string('x', 41), ["xx"] = "?" },
            order = -1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "slug", "names.ja", "names.en", "names.xx", "order" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [SkippableFact]
    public async Task Update_ArchiveAndRename_ChangesTheTopic()
    {
        using var response = await _api.PutAsJsonAsync("/api/v1/topics/events", new
        {
            names = new { ja = "イベント", en = "Events" },
            order = 1,
            archived = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var topic = await _api.GetFromJsonAsync<JsonElement>("/api/v1/topics/events");
        Assert.True(topic.GetProperty("archived").GetBoolean());
        Assert.Equal("イベント", topic.GetProperty("names").GetProperty("ja").GetString());
        Assert.False(topic.GetProperty("names").TryGetProperty("vi", out _));
    }

    [SkippableFact]
    public async Task Update_UnknownTopic_Answers404()
    {
        using var response = await _api.PutAsJsonAsync("/api/v1/topics/nope", new { names = new { ja = "なし" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Topics_WithoutApiKey_Answers401()
    {
        using var anonymous = Bot.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/topics", new { slug = "x" })).StatusCode);
    }
}

public sealed class TopicsApiTestsOnSqlite() : TopicsApiTests("Sqlite");

public sealed class TopicsApiTestsOnPostgres() : TopicsApiTests("Postgres");
