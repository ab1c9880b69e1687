using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// The shelters staff keep through <c>/api/v1/shelters</c>: names per language with Japanese required, coordinates in
/// range, a kind of the three, opened and closed by editors, each change audited; viewers read only.
/// </summary>
public abstract class ShelterApiTests(string provider) : DisasterSuite(provider, Keys)
{
    private const string ViewerKey = "shelter-viewer-key";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Api:Keys:1:Key"] = ViewerKey,
        ["Api:Keys:1:Account"] = "a-viewer",
        ["Api:Keys:1:Role"] = "viewer",
    };

    public static object School(bool open = false, int? capacity = 450) => new
    {
        names = new Dictionary<string, string> { ["ja"] = "中央小学校", ["en"] = "Chuo Elementary School", ["vi"] = "" },
        address = "中央区本町1-2-3",
        latitude = 35.6812,
        longitude = 139.7671,
        kind = "designated-shelter",
        capacity,
        open,
    };

    [SkippableFact]
    public async Task Shelter_AddedEditedOpenedDeleted_StoredAsSentAndAudited()
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/shelters", School());
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        await SendAsync(HttpMethod.Put, $"/api/v1/shelters/{id}", School(open: true, capacity: null));
        var shelter = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/shelters/{id}"))!;
        using var deleted = await Admin.DeleteAsync($"/api/v1/shelters/{id}");
        using var gone = await Admin.GetAsync($"/api/v1/shelters/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(
            ("中央小学校", "Chuo Elementary School", false, 35.6812, 139.7671, "designated-shelter", true),
            (shelter["names"]!["ja"]!.GetValue<string>(), shelter["names"]!["en"]!.GetValue<string>(), shelter["names"]!.AsObject().ContainsKey("vi"),
                shelter["latitude"]!.GetValue<double>(), shelter["longitude"]!.GetValue<double>(), shelter["kind"]!.GetValue<string>(), shelter["open"]!.GetValue<bool>()));
        Assert.Null(shelter["capacity"]);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, gone.StatusCode));
        Assert.Equal(
            "shelter.created shelter:1|shelter.updated shelter:1|shelter.deleted shelter:1".Replace(":1", $":{id}", StringComparison.Ordinal),
            await Host.ScalarAsync<string>("SELECT " + Concat("action || ' ' || target") + " FROM audit_log WHERE action LIKE 'shelter.%'"));
    }

    [SkippableFact]
    public async Task Shelter_WithoutJapaneseOutOfRangeOrUnknownKind_RefusedPerField()
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/shelters", new
        {
            names = new { en = "Only English", xx = "?" },
            address = "",
            latitude = 91.0,
            longitude = -180.5,
            kind = "hotel",
            capacity = 0,
        });

        Assert.Equal(
            ["address", "capacity", "kind", "latitude", "longitude", "names.ja", "names.xx"],
            (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM shelters"));
    }

    [SkippableFact]
    public async Task Shelter_ViewerReads_ButNeitherAddsNorDeletes()
    {
        await SendAsync(HttpMethod.Post, "/api/v1/shelters", School());
        using var viewer = Client(ViewerKey);

        using var list = await viewer.GetAsync("/api/v1/shelters");
        using var add = await viewer.PostAsJsonAsync("/api/v1/shelters", School());
        using var delete = await viewer.DeleteAsync("/api/v1/shelters/1");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (list.StatusCode, add.StatusCode, delete.StatusCode));
        Assert.Equal(1, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM shelters"));
    }
}

public sealed class ShelterApiTestsOnSqlite() : ShelterApiTests("Sqlite");

public sealed class ShelterApiTestsOnPostgres() : ShelterApiTests("Postgres");
