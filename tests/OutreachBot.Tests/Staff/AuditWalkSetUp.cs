using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Staff;

/// <summary>What the audit walks (API and console) make in their world before a call that needs it.</summary>
internal sealed class AuditWalkSetUp(ConversationHost host, int monthlyQuota)
{
    public Task<long> LatestIdAsync(string table) => host.Database.ScalarAsync<long>($"SELECT MAX(id) FROM {table}");

    /// <summary>A citizen's 助けが必要 under the latest disaster switch (the walk's request), as the disaster menu stores it.</summary>
    public async Task AskForHelpAsync(string userId) => await host.Database.ExecuteAsync(
        $"INSERT INTO safety_reports (switch_id, user_id, needs_help, reported_at) VALUES ({await LatestIdAsync("disaster_switches")}, '{userId}', {(host.Database.Provider == "Postgres" ? "TRUE" : "1")}, 0)");

    /// <summary>A webhook event that failed every try.</summary>
    public async Task<long> ParkAsync(string webhookEventId)
    {
        await host.Database.ExecuteAsync(
            $"""
            INSERT INTO inbox_events (webhook_event_id, event_type, source_key, event_timestamp, is_redelivery, payload, received_at, next_attempt_at, state)
            VALUES ('{webhookEventId}', 'message', 'user:Uaudit', 0, FALSE, '{"{}"}', 0, 0, 'parked')
            """);
        return await LatestIdAsync("inbox_events");
    }

    /// <summary>A question to staff from a citizen who follows the account.</summary>
    public async Task<long> AskAsync(string userId, string webhookEventId)
    {
        host.Line.AddFollower(userId);
        await host.Database.ExecuteAsync($"INSERT INTO citizens (user_id, language, following, first_followed_at, updated_at) VALUES ('{userId}', 'ja', TRUE, 0, 0)");
        await host.Database.ExecuteAsync(
            $"INSERT INTO consultations (user_id, language, text, webhook_event_id, received_at) VALUES ('{userId}', 'ja', '質問です', '{webhookEventId}', 0)");
        return await LatestIdAsync("consultations");
    }

    /// <summary>A follower of the volunteer topic while the month's quota is used up: a broadcast sent to them at once is held.</summary>
    public async Task UseUpQuotaAsync(string follower)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Get<CitizenStore>().FollowAsync(follower, "ja", null, now, default);
        await Get<SubscriptionStore>().SubscribeAsync(follower, (await Get<TopicStore>().FindAsync("volunteer", default))!.Id, now, default);
        host.Line.AddFollower(follower);
        Assert.True(host.Line.Quota.TryConsume(monthlyQuota - (int)host.Line.Quota.Used, monthlyQuota));
    }

    /// <summary>Waits until the fan-out holds the broadcast for want of quota, its audience taken.</summary>
    public async Task WaitUntilHeldAsync(long id)
    {
        using var api = host.Bot.CreateApiClient();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var view = await api.GetStringAsync($"/api/v1/broadcasts/{id}");
        while (JsonNode.Parse(view) is not { } node || node["status"]!.GetValue<string>() != "held" || node["snapshotting"]!.GetValue<bool>())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Broadcast {id} was not held: {view}");
            await Task.Delay(50);
            view = await api.GetStringAsync($"/api/v1/broadcasts/{id}");
        }
    }

    private T Get<T>()
        where T : notnull => host.Bot.Services.GetRequiredService<T>();
}
