using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>A failure after the seat is committed and before the citizen is answered: the seat stays, and the retry answers.</summary>
public abstract class ApplicationCrashTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Inbox:FirstRetryDelay"] = "00:00:00.500",
        ["Inbox:MaxRetryDelay"] = "00:00:00.500",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Confirm_FailsAfterTheSeatIsTaken_SeatKeptAndTheRetryAnswersWithTheSameNumberOnce()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 5));
        var chat = _host.Citizen("Ucrashchat0000000000000000000001");
        await chat.FollowAsync();
        await chat.TapAsync($"v1|apply|{id}");
        await Faults.BreakWritesAsync(_host.Database, "application_drafts", "DELETE");

        using var response = await _host.Bot.PostWebhookAsync(ApplicationRace.Postback(_host.Line, chat.UserId, $"v1|apply-yes|{id}", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await _host.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE last_error IS NOT NULL AND state = 'pending'") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the confirmation never failed");
            await Task.Delay(20);
        }

        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        Assert.DoesNotContain(Confirmations(chat), _ => true);
        await Faults.RepairWritesAsync(_host.Database, "application_drafts");
        await ApplicationRace.DrainAsync(() => _host.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state NOT IN ('done', 'skipped')"), TimeSpan.FromSeconds(15));

        Assert.Contains("申込番号：1", Assert.Single(Confirmations(chat)));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM event_applications WHERE event_id = {id}"));
        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
    }

    private static IEnumerable<string> Confirmations(CitizenChat chat) =>
        Sent.Texts(chat.All).Where(t => t.Contains("申し込みが完了しました", StringComparison.Ordinal));
}

public sealed class ApplicationCrashTestsOnSqlite() : ApplicationCrashTests("Sqlite");

public sealed class ApplicationCrashTestsOnPostgres() : ApplicationCrashTests("Postgres");
