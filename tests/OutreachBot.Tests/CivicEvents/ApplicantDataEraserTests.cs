using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>Applicants' personal data is erased after Events:ApplicantDataRetention past the event; the counts stay.</summary>
public abstract class ApplicantDataEraserTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartWithBotAsync(provider, new Dictionary<string, string?> { ["Events:ApplicantDataRetention"] = "30.00:00:00" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Erase_EventEndedLongerAgoThanTheRetention_NamesPhonesAndAnswersGoneCountsStay()
    {
        var old = await EventAsync(DateTimeOffset.UtcNow.AddDays(-31));
        var recent = await EventAsync(DateTimeOffset.UtcNow.AddDays(-29));
        var store = _world.Bot.Services.GetRequiredService<ApplicationStore>();
        foreach (var id in new[] { old, recent })
        {
            await store.ApplyAsync(new ApplicationRequest(id, null, "staff", 2, ["会場"], null, "富里 花子", "0476-00-0001", ByStaff: true), DateTimeOffset.UtcNow, default);
        }

        var erased = await _world.Bot.Services.GetRequiredService<ApplicantDataEraser>().EraseAsync(default);

        Assert.Equal(1, erased);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {old} AND (name IS NOT NULL OR phone IS NOT NULL OR answers IS NOT NULL)"));
        Assert.Equal(2L, await _world.Database.ScalarAsync<long>($"SELECT SUM(party_size) FROM event_applications WHERE event_id = {old} AND status = 'confirmed'"));
        Assert.Equal("富里 花子", await _world.Database.ScalarAsync<string>($"SELECT name FROM event_applications WHERE event_id = {recent}"));
    }

    private async Task<long> EventAsync(DateTimeOffset startsAt)
    {
        using var api = _world.Bot.CreateApiClient();
        using var created = await api.PostAsJsonAsync("/api/v1/events", new { titles = new { ja = "説明会" }, startsAt = startsAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), venue = "市民会館", capacity = 10, maxPartySize = 2 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
    }
}

public sealed class ApplicantDataEraserTestsOnSqlite() : ApplicantDataEraserTests("Sqlite");

public sealed class ApplicantDataEraserTestsOnPostgres() : ApplicantDataEraserTests("Postgres");
