using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Scheduling;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>Broadcasts tied to an event (its reminder, "before event" broadcasts) move with it and are cancelled with it, through the events API.</summary>
public abstract class EventFollowTests(string provider) : IAsyncLifetime
{
    // Monday 16 November 2026, 12:00 in Japan.
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 12, 0, 0, TimeSpan.FromHours(9));
    private readonly FakeTimeProvider _clock = new(Monday);
    private BroadcastHarness _h = null!;

    // Room for three messages this month: more recipients than that hold a firing for quota.
    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(_clock), monthlyQuota: 3);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task BeforeEvent_EventMovedEarlier_TriggerMovesAndSentCardShowsTheNewDateVenueAndTitle()
    {
        await _h.SeedAsync("volunteer", 2);
        var eventId = await CreateEventAsync("2026-11-21T14:00");
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast(
            "volunteer",
            new { beforeEvent = new { eventId = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), offset = "PT3H" } },
            new Dictionary<string, object[]> { ["ja"] = [new { type = "eventCard", title = "清掃活動", startsAt = "2026-11-21T14:00", venue = "中央公園" }] }));

        await UpdateEventAsync(eventId, "2026-11-18T10:00", title: "清掃活動（雨天順延）", venue: "市民会館");
        var due = await NextFireAsync(id);
        _clock.SetUtcNow(due!.Value);
        await FireAsync(id, due);
        await _h.WaitForStatusAsync(id, "sent");
        var sent = JsonNode.Parse(Assert.Single(_h.Line.Journal.For("/v2/bot/message/multicast")).Body!)!["messages"]!
            .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 7, 0, 0, TimeSpan.FromHours(9)), due);
        Assert.Contains("2026/11/18", sent, StringComparison.Ordinal);
        Assert.Contains("市民会館", sent, StringComparison.Ordinal);
        Assert.Contains("清掃活動（雨天順延）", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("2026/11/21", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("中央公園", sent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task EventMovedPastTheirTimes_ReminderAndBeforeEventHeldWithReasonAndUnscheduled()
    {
        var eventId = await CreateEventAsync("2026-11-21T14:00");
        var reminder = await _h.Database.ScalarAsync<long>($"SELECT id FROM broadcasts WHERE reminder_event_id = '{eventId}'");
        var early = await CreateBeforeEventAsync(eventId, "PT10H");
        var late = await CreateBeforeEventAsync(eventId, "PT3H");
        Assert.NotNull(await NextFireAsync(reminder));

        // Tonight at 20:00: the reminder (24 hours before) and the broadcast 10 hours before would be in the past.
        await UpdateEventAsync(eventId, "2026-11-16T20:00");

        foreach (var held in new[] { reminder, early })
        {
            var view = await _h.GetAsync(held);
            Assert.Null(await NextFireAsync(held));
            Assert.Equal("draft", view.Text("status"));
            Assert.Contains("保留", view.Text("reason"), StringComparison.Ordinal);
            Assert.Contains("Held: its event now starts at 2026-11-16 11:00:00Z", view.Text("reason"), StringComparison.Ordinal);
        }

        Assert.Equal(new DateTimeOffset(2026, 11, 16, 17, 0, 0, TimeSpan.FromHours(9)), await NextFireAsync(late));
        Assert.Equal("scheduled", (await _h.GetAsync(late)).Text("status"));
    }

    [SkippableFact]
    public async Task Event_MovedBackLater_HeldBroadcastRetimedAndReasonCleared()
    {
        var eventId = await CreateEventAsync("2026-11-21T14:00");
        var early = await CreateBeforeEventAsync(eventId, "PT10H");
        await UpdateEventAsync(eventId, "2026-11-16T20:00");

        await UpdateEventAsync(eventId, "2026-11-25T14:00");
        var view = await _h.GetAsync(early);

        Assert.Equal("draft", view.Text("status"));
        Assert.Null(view["reason"]);
        Assert.Equal("2026-11-25T04:00:00+09:00", view["schedule"]!["at"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Event_Cancelled_EveryUnsentBroadcastTiedToItCancelledWithReason()
    {
        var eventId = await CreateEventAsync("2026-11-21T14:00");
        var reminder = await _h.Database.ScalarAsync<long>($"SELECT id FROM broadcasts WHERE reminder_event_id = '{eventId}'");
        var before = await CreateBeforeEventAsync(eventId, "PT3H");
        var unrelated = await CreateBeforeEventAsync(await CreateEventAsync("2026-11-22T14:00"), "PT3H");

        await UpdateEventAsync(eventId, "2026-11-21T14:00", cancelled: true);

        foreach (var cancelled in new[] { reminder, before })
        {
            var view = await _h.GetAsync(cancelled);
            Assert.Equal("cancelled", view.Text("status"));
            Assert.Contains("Cancelled because its event was cancelled", view.Text("reason"), StringComparison.Ordinal);
            Assert.Null(await NextFireAsync(cancelled));
        }

        Assert.Equal("scheduled", (await _h.GetAsync(unrelated)).Text("status"));
    }

    [SkippableFact]
    public async Task Event_CancelledWhileItsBroadcastIsHeldForQuota_BroadcastCancelledAndNobodyGetsIt()
    {
        await _h.SeedAsync("volunteer", 5);
        var eventId = await CreateEventAsync("2026-11-21T14:00");
        var id = await CreateBeforeEventAsync(eventId, "PT3H");
        var due = await NextFireAsync(id);
        _clock.SetUtcNow(due!.Value);
        await FireAsync(id, due);
        await _h.WaitForStatusAsync(id, "held");

        await UpdateEventAsync(eventId, "2026-11-21T14:00", cancelled: true);
        var view = await _h.GetAsync(id);

        Assert.Equal("cancelled", view.Text("status"));
        Assert.Contains("Cancelled because its event was cancelled", view.Text("reason"), StringComparison.Ordinal);
        Assert.Empty(_h.MulticastCounts());
    }

    private Task<DateTimeOffset?> NextFireAsync(long id) => _h.Get<BroadcastScheduling>().NextFireAsync(id, default);

    private async Task FireAsync(long id, DateTimeOffset? scheduled)
    {
        using var scope = _h.Bot.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, scheduled, default);
    }

    private async Task<long> CreateEventAsync(string startsAt)
    {
        var (response, body) = await _h.PostAsync("/api/v1/events", new { titles = new { ja = "清掃活動" }, startsAt, venue = "中央公園" });
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return body!.Number("id");
    }

    private Task<long> CreateBeforeEventAsync(long eventId, string offset) => _h.CreateAsync(BroadcastHarness.Broadcast(
        "volunteer", new { beforeEvent = new { eventId = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), offset } }));

    private async Task UpdateEventAsync(long eventId, string startsAt, string title = "清掃活動", string venue = "中央公園", bool cancelled = false)
    {
        using var api = _h.Bot.CreateApiClient();
        var response = await api.PutAsJsonAsync($"/api/v1/events/{eventId}", new { titles = new { ja = title }, startsAt, venue, cancelled });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class EventFollowTestsOnSqlite() : EventFollowTests("Sqlite");

public sealed class EventFollowTestsOnPostgres() : EventFollowTests("Postgres");
