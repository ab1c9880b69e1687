using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Privacy;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Privacy;

/// <summary>
/// The retention periods with their defaults: webhook payloads past 30 days reduced, citizens unfollowed past 180 days
/// erased, questions past three years emptied; what is younger stays as it was, and the counts stay.
/// </summary>
public abstract class RetentionSweepTests(string provider) : IAsyncLifetime
{
    private const string Question = "ボランティア保険の申し込み方法を教えてください";
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Sweep_PastEachDefaultPeriod_ReducedErasedEmptied_YoungerDataKept()
    {
        var old = await CitizenWhoAskedAsync("U0e7e000000000000000000000000a001");
        var young = await CitizenWhoAskedAsync("U0e7e000000000000000000000000a002");
        await old.UnfollowAsync();
        await young.UnfollowAsync();
        var now = DateTimeOffset.UtcNow;
        await AgeAsync("inbox_events", "received_at", old.UserId, "source_key", now.AddDays(-31));
        await AgeAsync("citizens", "following_changed_at", old.UserId, "user_id", now.AddDays(-181));
        await AgeAsync("consultations", "received_at", old.UserId, "user_id", now.AddDays(-3 * 365 - 1));
        await AgeAsync("inbox_events", "received_at", young.UserId, "source_key", now.AddDays(-29));
        await AgeAsync("citizens", "following_changed_at", young.UserId, "user_id", now.AddDays(-179));

        var round = await _host.Bot.Services.GetRequiredService<RetentionSweep>().SweepAsync(default);

        Assert.Equal(new RetentionRound(Payloads: 4, Citizens: 1, Questions: 1), round);
        Assert.Equal(0L, await CountAsync($"inbox_events WHERE payload LIKE '%{old.UserId}%'"));
        Assert.Equal(4L, await CountAsync($"inbox_events WHERE payload LIKE '%{young.UserId}%'"));
        Assert.Equal(1L, await CountAsync($"citizens WHERE user_id = '{old.UserId}' AND erased_at IS NOT NULL AND display_name IS NULL"));
        Assert.Equal(1L, await CountAsync($"citizens WHERE user_id = '{young.UserId}' AND erased_at IS NULL AND display_name IS NOT NULL"));
        Assert.Equal(0L, await CountAsync($"consultations WHERE user_id = '{old.UserId}'"));
        Assert.Equal(1L, await CountAsync($"consultations WHERE user_id = '{young.UserId}' AND text = '{Question}'"));
        Assert.Equal(2L, await CountAsync("consultations"));
        Assert.Equal(RetentionRound.Nothing, await _host.Bot.Services.GetRequiredService<RetentionSweep>().SweepAsync(default));
    }

    private async Task<CitizenChat> CitizenWhoAskedAsync(string userId)
    {
        var chat = _host.Citizen(userId);
        await chat.FollowAsync();
        await chat.TapAsync("v1|ask");
        await chat.SayAsync(Question);
        return chat;
    }

    private Task AgeAsync(string table, string column, string userId, string userColumn, DateTimeOffset to) =>
        _host.Database.ExecuteAsync($"UPDATE {table} SET {column} = {to.ToUnixTimeMilliseconds()} WHERE {userColumn} = '{userId}'");

    private Task<long> CountAsync(string tableAndWhere) => _host.ScalarAsync<long>($"SELECT COUNT(*) FROM {tableAndWhere}");
}

public sealed class RetentionSweepTestsOnSqlite() : RetentionSweepTests("Sqlite");

public sealed class RetentionSweepTestsOnPostgres() : RetentionSweepTests("Postgres");
