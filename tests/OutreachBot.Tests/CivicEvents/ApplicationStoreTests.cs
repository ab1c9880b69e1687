using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>The seat rule: never over capacity, numbers in the order taken, a waiting list that moves up when a party fits.</summary>
public abstract class ApplicationStoreTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;

    private ApplicationStore Store => _world.Bot.Services.GetRequiredService<ApplicationStore>();

    public async Task InitializeAsync() => _world = await TestWorld.StartWithBotAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Apply_PartiesBeyondCapacity_ConfirmedWhileTheyFitThenWaitingWithPositions()
    {
        var id = await CreateEventAsync(_world.Bot, capacity: 5, maxPartySize: 3);

        var a = await ApplyAsync(id, "Ua", 2);
        var b = await ApplyAsync(id, "Ub", 3);
        var c = await ApplyAsync(id, "Uc", 1);
        var d = await ApplyAsync(id, "Ud", 2);

        Assert.Equal([ApplyResult.Confirmed, ApplyResult.Confirmed, ApplyResult.Waiting, ApplyResult.Waiting], new[] { a, b, c, d }.Select(o => o.Result));
        Assert.Equal([1L, 2, 3, 4], new[] { a, b, c, d }.Select(o => o.Application!.Number));
        Assert.Equal([1, 2], new[] { c, d }.Select(o => o.Application!.Position!.Value));
        Assert.Equal(5L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.Equal(ApplyResult.PartyTooLarge, (await ApplyAsync(id, "Ue", 4)).Result);
    }

    [SkippableFact]
    public async Task Cancel_ConfirmedParty_FirstWaitingPartyThatFitsMovesUpAndIsOwedAPush()
    {
        var id = await CreateEventAsync(_world.Bot, capacity: 4, maxPartySize: 3);
        var a = await ApplyAsync(id, "Ua", 2);
        await ApplyAsync(id, "Ub", 2);
        await ApplyAsync(id, "Uc", 3);
        await ApplyAsync(id, "Ud", 2);
        await ApplyAsync(id, "Ue", 1);

        var cancelled = await Store.CancelAsync(id, a.Application!.Number, "Ua", DateTimeOffset.UtcNow, default);

        Assert.Equal(CancelResult.Cancelled, cancelled.Result);
        Assert.Equal(["Ud"], cancelled.MovedUp.Select(m => m.UserId));
        var list = await Store.ListAsync(id, default);
        Assert.Equal(["cancelled", "confirmed", "waiting", "confirmed", "waiting"], list.Select(x => x.Status));
        Assert.Equal([1, 2], list.Where(x => x.Status == "waiting").Select(x => x.Position!.Value));
        Assert.Equal(4L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.Equal("Ud", await _world.Database.ScalarAsync<string>($"SELECT user_id FROM event_notices WHERE event_id = {id} AND kind = 'moved_up'"));
    }

    [SkippableFact]
    public async Task Apply_SameRequestAgainOrADoubleTap_OneApplication()
    {
        var id = await CreateEventAsync(_world.Bot, capacity: 5);

        var first = await ApplyAsync(id, "Ua", 1, key: "webhook-1");
        var again = await ApplyAsync(id, "Ua", 1, key: "webhook-1");
        var doubleTap = await ApplyAsync(id, "Ua", 1, key: "webhook-2");

        Assert.Equal(ApplyResult.Confirmed, again.Result);
        Assert.True(again.Replayed);
        Assert.Equal(first.Application!.Number, again.Application!.Number);
        Assert.Equal(ApplyResult.AlreadyApplied, doubleTap.Result);
        Assert.Equal(first.Application.Number, doubleTap.Application!.Number);
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id}"));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
    }

    [SkippableFact]
    public async Task Cancel_SomeoneElsesOrCancelledApplication_ChangesNothing()
    {
        var id = await CreateEventAsync(_world.Bot, capacity: 1);
        var mine = await ApplyAsync(id, "Ua", 1);
        await ApplyAsync(id, "Ub", 1);

        var forged = await Store.CancelAsync(id, mine.Application!.Number, "Ub", DateTimeOffset.UtcNow, default);
        var unknown = await Store.CancelAsync(id, 999, "Ua", DateTimeOffset.UtcNow, default);
        await Store.CancelAsync(id, mine.Application.Number, "Ua", DateTimeOffset.UtcNow, default);
        var replayed = await Store.CancelAsync(id, mine.Application.Number, "Ua", DateTimeOffset.UtcNow, default);

        Assert.Equal(CancelResult.NotFound, forged.Result);
        Assert.Equal(CancelResult.NotFound, unknown.Result);
        Assert.Equal(CancelResult.AlreadyCancelled, replayed.Result);
        Assert.Empty(replayed.MovedUp);
        Assert.Equal(["cancelled", "confirmed"], (await Store.ListAsync(id, default)).Select(x => x.Status));
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM event_notices WHERE event_id = {id}"));
    }

    [SkippableFact]
    public async Task Apply_OutsideTheWindowOrWithoutCapacity_Closed()
    {
        var notYet = await CreateEventAsync(_world.Bot, capacity: 5, opens: "2030-12-01T09:00:00");
        var none = await CreateEventAsync(_world.Bot, capacity: null);

        Assert.Equal(ApplyResult.Closed, (await ApplyAsync(notYet, "Ua", 1)).Result);
        Assert.Equal(ApplyResult.Closed, (await ApplyAsync(none, "Ua", 1)).Result);
        Assert.Equal(ApplyResult.Closed, (await ApplyAsync(424242, "Ua", 1)).Result);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM event_applications"));
    }

    [SkippableFact]
    public async Task Update_LargerCapacity_WaitingListMovesUp()
    {
        using var api = _world.Bot.CreateApiClient();
        var id = await CreateEventAsync(_world.Bot, capacity: 1);
        await ApplyAsync(id, "Ua", 1);
        await ApplyAsync(id, "Ub", 1);
        await ApplyAsync(id, "Uc", 1);

        using var put = await api.PutAsJsonAsync($"/api/v1/events/{id}", Event(capacity: 2));

        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal(["confirmed", "confirmed", "waiting"], (await Store.ListAsync(id, default)).Select(x => x.Status));
        Assert.Equal(0, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seatsLeft").GetInt32());
    }

    [SkippableFact]
    public async Task Apply_HundredAtOnceForTwentySeats_TwentyConfirmedEightyWaitingInNumberOrder()
    {
        // On PostgreSQL two instances (each its own connection pool) apply at once, as two bots behind a load balancer would.
        var bots = provider == "Postgres" ? [_world.Bot, _world.StartBot()] : new[] { _world.Bot };
        var id = await CreateEventAsync(_world.Bot, capacity: 20);
        using var start = new ManualResetEventSlim();
        var taps = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var store = bots[i % bots.Length].Services.GetRequiredService<ApplicationStore>();
            return await store.ApplyAsync(new ApplicationRequest(id, $"Urace{i:000}", "line", 1, [], $"tap-{i}"), DateTimeOffset.UtcNow, default);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(taps);

        Assert.Equal(20, outcomes.Count(o => o.Result == ApplyResult.Confirmed));
        Assert.Equal(80, outcomes.Count(o => o.Result == ApplyResult.Waiting));
        var list = await Store.ListAsync(id, default);
        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), list.Select(a => a.Number));
        Assert.All(list.Take(20), a => Assert.Equal("confirmed", a.Status));
        Assert.Equal(Enumerable.Range(1, 80), list.Skip(20).Select(a => a.Position!.Value));
        Assert.Equal(20L, await _world.Database.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
    }

    public static object Event(int? capacity, int maxPartySize = 1, string? opens = null) => new
    {
        titles = new { ja = "説明会" },
        startsAt = "2030-12-05T10:00:00",
        venue = "市民会館",
        capacity,
        maxPartySize = capacity is null ? (int?)null : maxPartySize,
        applicationsOpen = opens,
    };

    public static async Task<long> CreateEventAsync(TestBot bot, int? capacity, int maxPartySize = 1, string? opens = null)
    {
        using var api = bot.CreateApiClient();
        using var created = await api.PostAsJsonAsync("/api/v1/events", Event(capacity, maxPartySize, opens));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<ApplyOutcome> ApplyAsync(long eventId, string userId, int party, string? key = null) =>
        Store.ApplyAsync(new ApplicationRequest(eventId, userId, "line", party, ["回答"], key), DateTimeOffset.UtcNow, default);
}

public sealed class ApplicationStoreTestsOnSqlite() : ApplicationStoreTests("Sqlite");

public sealed class ApplicationStoreTestsOnPostgres() : ApplicationStoreTests("Postgres");
