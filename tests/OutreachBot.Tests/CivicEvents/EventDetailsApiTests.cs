using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>What an event holds beyond its title: texts per language, place, practical notes and application settings, through the API.</summary>
public abstract class EventDetailsApiTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static object FullEvent(int? capacity = 20, int maxPartySize = 3) => new
    {
        titles = new { ja = "とみさと協働塾", en = "Tomisato co-op school" },
        startsAt = "2030-12-05T10:00:00",
        endsAt = "2030-12-05T12:00:00",
        venues = new { ja = "市民活動センター 会議室A", en = "Civic Activity Center, Room A" },
        descriptions = new { ja = "地域活動の始め方を学びます。", vi = "Học cách bắt đầu hoạt động cộng đồng." },
        address = "千葉県富里市七栄652-1",
        location = new { latitude = 35.7267, longitude = 140.3431 },
        organizer = "市民協働課",
        fee = "無料",
        bring = "筆記用具",
        accessibility = "車いすで入れます",
        capacity,
        maxPartySize,
        applicationsOpen = "2030-11-01T09:00:00",
        applicationsClose = "2030-12-04T17:00:00",
        questions = new object[]
        {
            new { kind = "choice", texts = new { ja = "参加方法", en = "How will you join?" }, choices = new[] { new { ja = "会場", en = "On site" }, new { ja = "オンライン", en = "Online" } } },
            new { kind = "number", texts = new { ja = "お子さんの人数" } },
            new { kind = "text", texts = new { ja = "ご質問" } },
        },
    };

    [SkippableFact]
    public async Task EventsApi_AllDetails_ShownAsWrittenAndVenueStaysTheJapaneseOne()
    {
        using var api = _host.Bot.CreateApiClient();

        using var created = await api.PostAsJsonAsync("/api/v1/events", FullEvent());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{body.GetProperty("id").GetInt64()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("市民活動センター 会議室A", read.GetProperty("venue").GetString());
        Assert.Equal("Civic Activity Center, Room A", read.GetProperty("venues").GetProperty("en").GetString());
        Assert.Equal("市民活動センター 会議室A", read.GetProperty("venues").GetProperty("ja").GetString());
        Assert.Equal("Học cách bắt đầu hoạt động cộng đồng.", read.GetProperty("descriptions").GetProperty("vi").GetString());
        Assert.Equal(140.3431, read.GetProperty("location").GetProperty("longitude").GetDouble());
        Assert.Equal("市民協働課", read.GetProperty("organizer").GetString());
        Assert.Equal("無料", read.GetProperty("fee").GetString());
        Assert.Equal("筆記用具", read.GetProperty("bring").GetString());
        Assert.Equal("車いすで入れます", read.GetProperty("accessibility").GetString());
        Assert.Equal("千葉県富里市七栄652-1", read.GetProperty("address").GetString());
        Assert.Equal(20, read.GetProperty("capacity").GetInt32());
        Assert.Equal(20, read.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(3, read.GetProperty("maxPartySize").GetInt32());
        Assert.Equal("2030-12-04T17:00:00+09:00", read.GetProperty("applicationsClose").GetString());
        var questions = read.GetProperty("questions");
        Assert.Equal(3, questions.GetArrayLength());
        Assert.Equal("Online", questions[0].GetProperty("choices")[1].GetProperty("en").GetString());
        Assert.Equal("number", questions[1].GetProperty("kind").GetString());
    }

    [SkippableFact]
    public async Task EventsApi_Put_ReplacesTheDetailsAndNullCapacityStopsApplications()
    {
        using var api = _host.Bot.CreateApiClient();
        using var created = await api.PostAsJsonAsync("/api/v1/events", FullEvent());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var put = await api.PutAsJsonAsync($"/api/v1/events/{id}", new { titles = new { ja = "協働塾" }, startsAt = "2030-12-06T10:00:00", venue = "市役所" });
        var read = await put.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("capacity").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("seatsLeft").ValueKind);
        Assert.Equal(0, read.GetProperty("questions").GetArrayLength());
        Assert.Empty(read.GetProperty("descriptions").EnumerateObject());
        Assert.Equal("市役所", read.GetProperty("venues").GetProperty("ja").GetString());
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM civic_event_languages WHERE event_id = {id}"));
    }

    [SkippableFact]
    public async Task EventsApi_InvalidDetails_ProblemNamesEachFieldAndNothingStored()
    {
        using var api = _host.Bot.CreateApiClient();

        using var response = await api.PostAsJsonAsync("/api/v1/events", new
        {
            titles = new { ja = "説明会" },
            startsAt = "2030-12-05T10:00:00",
            venue = "市民会館",
            venues = new { ja = "別の会館" },
            location = new { latitude = 120.0 },
            capacity = 0,
            maxPartySize = 11,
            applicationsClose = "2030-12-06T10:00:00",
            questions = new object[]
            {
                new { kind = "choice", texts = new { ja = "どちら" }, choices = new[] { new { ja = "ひとつだけ" } } },
                new { kind = "essay", texts = new { en = "Why?" } },
                new { kind = "text", texts = new { ja = "ご質問" }, choices = new[] { new { ja = "a" } } },
                new { kind = "text", texts = new { ja = "四つめ" } },
            },
        });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[]
        {
            "venues.ja", "location", "capacity", "maxPartySize", "applicationsClose", "questions", "questions[0].choices",
            "questions[1].kind", "questions[1].texts.ja", "questions[2].choices",
        })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.Contains(" / ", messages[0].GetString());
        }

        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM civic_events"));
    }

    [SkippableFact]
    public async Task EventsApi_ApplicationSettingsWithoutCapacity_Refused()
    {
        using var api = _host.Bot.CreateApiClient();

        using var response = await api.PostAsJsonAsync("/api/v1/events", new
        {
            titles = new { ja = "説明会" },
            startsAt = "2030-12-05T10:00:00",
            venue = "市民会館",
            questions = new[] { new { kind = "text", texts = new { ja = "ご質問" } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("定員が必要", await response.Content.ReadAsStringAsync());
    }
}

public sealed class EventDetailsApiTestsOnSqlite() : EventDetailsApiTests("Sqlite");

public sealed class EventDetailsApiTestsOnPostgres() : EventDetailsApiTests("Postgres");
