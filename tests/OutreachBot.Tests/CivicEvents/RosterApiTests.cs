using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary><c>/api/v1/events/{id}/applications</c>: the roster, staff-entered applications and attendance.</summary>
public abstract class RosterApiTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartWithBotAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Roster_LineAndStaffApplications_ListedWithStatusPositionChannelAndTheReadIsAudited()
    {
        using var api = _world.Bot.CreateApiClient();
        var id = await ApplicationStoreTests.CreateEventAsync(_world.Bot, capacity: 2, maxPartySize: 2);
        var store = _world.Bot.Services.GetRequiredService<ApplicationStore>();
        await store.ApplyAsync(new ApplicationRequest(id, "Uroster1", "line", 1, ["会場"], "k1"), DateTimeOffset.UtcNow, default);

        using var phone = await api.PostAsJsonAsync($"/api/v1/events/{id}/applications", new { name = "富里 花子", phone = "0476-93-1111", partySize = 2 });
        using var walkIn = await api.PostAsJsonAsync($"/api/v1/events/{id}/applications", new { name = "七栄 一郎" });
        using var attended = await api.PostAsync($"/api/v1/events/{id}/applications/1/attended", null);
        using var notConfirmed = await api.PostAsync($"/api/v1/events/{id}/applications/2/attended", null);
        var roster = await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/applications");

        Assert.Equal(HttpStatusCode.Created, phone.StatusCode);
        Assert.Equal("waiting", (await phone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, attended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notConfirmed.StatusCode);
        Assert.Equal(3, roster.GetArrayLength());
        Assert.Equal("attended", roster[0].GetProperty("status").GetString());
        Assert.Equal("line", roster[0].GetProperty("channel").GetString());
        Assert.Equal("Uroster1", roster[0].GetProperty("userId").GetString());
        Assert.Equal("会場", roster[0].GetProperty("answers")[0].GetString());
        Assert.Equal(1, roster[1].GetProperty("position").GetInt32());
        Assert.Equal(2, roster[1].GetProperty("partySize").GetInt32());
        Assert.Equal("staff", roster[1].GetProperty("channel").GetString());
        Assert.Equal("0476-93-1111", roster[1].GetProperty("phone").GetString());
        Assert.Equal("confirmed", roster[2].GetProperty("status").GetString());
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = 'event.roster_viewed' AND target = 'event:{id}'"));
    }

    [SkippableFact]
    public async Task StaffApplication_Mistakes_ProblemPerFieldAndNothingStored()
    {
        using var api = _world.Bot.CreateApiClient();
        var id = await ApplicationStoreTests.CreateEventAsync(_world.Bot, capacity: 2);
        var none = await ApplicationStoreTests.CreateEventAsync(_world.Bot, capacity: null);

        using var invalid = await api.PostAsJsonAsync($"/api/v1/events/{id}/applications", new { name = "", phone = "電話", partySize = 0 });
        using var tooMany = await api.PostAsJsonAsync($"/api/v1/events/{id}/applications", new { name = "富里", partySize = 2 });
        using var noApplications = await api.PostAsJsonAsync($"/api/v1/events/{none}/applications", new { name = "富里" });
        using var noEvent = await api.GetAsync("/api/v1/events/424242/applications");
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
        Assert.True(errors.TryGetProperty("partySize", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noApplications.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noEvent.StatusCode);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
    }
}

public sealed class RosterApiTestsOnSqlite() : RosterApiTests("Sqlite");

public sealed class RosterApiTestsOnPostgres() : RosterApiTests("Postgres");
