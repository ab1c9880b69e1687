using System.Net;
using System.Text.Json.Nodes;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Profiles;

/// <summary>
/// Broadcast targets by district, age band, skill and free day reach the citizens whose profiles match (any of each
/// list, all of the lists), counted before and sent to exactly them; unknown entries are refused naming them.
/// </summary>
public abstract class ProfileTargetingTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;
    private IReadOnlyList<string> _ids = [];

    public async Task InitializeAsync()
    {
        _h = await BroadcastHarness.StartAsync(provider);
        await CitySample.SeedAsync(_h.Database);
        _ids = await _h.SeedAsync("volunteer", 5);
        // 0: 北部第1, 20s, cooking, Sat · 1: 南部, 60s, cooking + gardening, Mon and Sat · 2: 北部第1, 60s, Sun · 3, 4: no profile.
        await ProfileAsync(_ids[0], CitySample.North[0], "20s", 32, "cooking");
        await ProfileAsync(_ids[1], CitySample.South, "60s", 1 | 32, "cooking", "gardening");
        await ProfileAsync(_ids[2], CitySample.North[0], "60s", 64);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    public static TheoryData<string, int> Filters => new()
    {
        { """{}""", 5 },
        { """{"districts": ["北部第1小学校区"]}""", 2 },
        { """{"districts": ["北部第1小学校区", "南部小学校区"], "ageBands": []}""", 3 },
        { """{"ageBands": ["60s"]}""", 2 },
        { """{"skills": ["cooking"]}""", 2 },
        { """{"skills": ["gardening", "interpreting"]}""", 1 },
        { """{"freeDays": ["sat"]}""", 2 },
        { """{"freeDays": ["tue"]}""", 0 },
        { """{"districts": ["北部第1小学校区"], "ageBands": ["60s"]}""", 1 },
        { """{"ageBands": ["20s", "60s"], "skills": ["cooking"], "freeDays": ["mon", "sun"]}""", 1 },
    };

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task Preview_ProfileFilters_CountTheMatchingCitizens(string filters, int expected)
    {
        var (response, json) = await _h.PostAsync("/api/v1/broadcasts/preview", new { target = Target(filters) });

        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        Assert.Equal(expected, json!["recipients"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Broadcast_ByAgeBandAndSkill_SentToExactlyThem_AndShownWithItsTarget()
    {
        var body = JsonNode.Parse(BroadcastHarness.Broadcast("volunteer").Json())!;
        body["target"] = Target("""{"ageBands": ["60s"], "skills": ["cooking"], "freeDays": ["sat"]}""");
        var id = await _h.CreateAsync(body);

        var view = await _h.WaitForStatusAsync(id, "sent");

        Assert.Equal(1, view.Number("targeted"));
        ExactlyOnce.Verify(_h.MulticastCounts(), [_ids[1]]);
        Assert.Equal("""{"ageBands":["60s"],"skills":["cooking"],"freeDays":["sat"]}""",
            new JsonObject { ["ageBands"] = view["target"]!["ageBands"]!.DeepClone(), ["skills"] = view["target"]!["skills"]!.DeepClone(), ["freeDays"] = view["target"]!["freeDays"]!.DeepClone() }.ToJsonString());
    }

    [SkippableTheory]
    [InlineData("""{"districts": ["東地区"]}""", "target.districts", "東地区")]
    [InlineData("""{"ageBands": ["90s"]}""", "target.ageBands", "90s")]
    [InlineData("""{"skills": ["juggling"]}""", "target.skills", "juggling")]
    [InlineData("""{"freeDays": ["monday"]}""", "target.freeDays", "monday")]
    public async Task Create_UnknownEntry_400NamingIt(string filters, string field, string named)
    {
        var body = JsonNode.Parse(BroadcastHarness.Broadcast("volunteer").Json())!;
        body["target"] = Target(filters);

        var (response, json) = await _h.PostAsync("/api/v1/broadcasts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, json!["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RetiredSkill_StillTargetsThoseWhoHaveIt()
    {
        await _h.Database.ExecuteAsync("UPDATE city_skills SET retired_at = 1000 WHERE slug = 'gardening'");

        var (response, json) = await _h.PostAsync("/api/v1/broadcasts/preview", new { target = Target("""{"skills": ["gardening"]}""") });

        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        Assert.Equal(1, json!["recipients"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task CityListsApi_NamesWhatTargetsTake_RetiredIncluded()
    {
        using var api = _h.Bot.CreateApiClient();

        var lists = JsonNode.Parse(await api.GetStringAsync("/api/v1/city-lists"))!;

        Assert.Equal(["北部", "南部"], lists["areas"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Equal(13, lists["districts"]!.AsArray().Count);
        Assert.Equal("North", lists["areas"]![0]!["names"]!["en"]!.GetValue<string>());
        var carpentry = lists["skills"]!.AsArray().Single(s => s!["slug"]!.GetValue<string>() == "carpentry")!;
        Assert.False(carpentry["offered"]!.GetValue<bool>());
    }

    private static JsonObject Target(string filters)
    {
        var target = JsonNode.Parse(filters)!.AsObject();
        target["topics"] = new JsonArray("volunteer");
        return target;
    }

    private async Task ProfileAsync(string userId, string district, string ageBand, int freeDays, params string[] skills)
    {
        await _h.Database.ExecuteAsync(
            $"UPDATE citizens SET district = '{district}', age_band = '{ageBand}', free_days = {freeDays}, profile_consented_at = 1000 WHERE user_id = '{userId}'");
        foreach (var skill in skills)
        {
            await _h.Database.ExecuteAsync($"INSERT INTO citizen_skills (user_id, skill_id) SELECT '{userId}', id FROM city_skills WHERE slug = '{skill}'");
        }
    }
}

public sealed class ProfileTargetingTestsOnSqlite() : ProfileTargetingTests("Sqlite");

public sealed class ProfileTargetingTestsOnPostgres() : ProfileTargetingTests("Postgres");
