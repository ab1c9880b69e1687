using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>The database away at the worst moments (a trigger that refuses the write), and the broadcast still sent to everyone once when it returns.</summary>
public abstract class OutageTests(string provider) : HarnessesPerTest(provider)
{
    private BroadcastHarness _h = null!;

    [SkippableFact]
    public async Task OneOff_RunRefusedAtFireTimeLongerThanTheOldFiveTries_SentToEveryoneOnceWhenTheDatabaseAnswers()
    {
        _h = await StartAsync(new Dictionary<string, string?> { ["Broadcasts:OutageRetryMaxDelay"] = "00:00:00.500" });
        var recipients = await _h.SeedAsync("volunteer", 15);
        await Faults.BreakWritesAsync(_h.Database, "broadcast_runs", "INSERT");
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at }));

        await WaitUntilAsync(async () => await _h.Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {id}") == "fired", TimeSpan.FromSeconds(30));
        // The old job tried five times over ten seconds and then returned, leaving the broadcast fired with no run.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.Equal(0, await RunsAsync(id));
        await Faults.RepairWritesAsync(_h.Database, "broadcast_runs");
        await _h.WaitForStatusAsync(id, "sent");

        Assert.Equal(1, await RunsAsync(id));
        ExactlyOnce.Verify(_h.MulticastCounts(), recipients);
    }

    [SkippableFact]
    public async Task OneOff_FiredButItsRunNeverMade_SweepSendsItToEveryoneOnce()
    {
        _h = await StartAsync();
        var recipients = await _h.SeedAsync("volunteer", 12);
        var at = DateTimeOffset.UtcNow.AddMinutes(2).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", new { at }));
        // As a process stopped while its job waited for the database leaves it: fired, no trigger left, no run.
        await _h.Get<BroadcastScheduling>().UnscheduleAsync(id, default);
        await _h.Database.ExecuteAsync($"UPDATE broadcasts SET state = 'fired' WHERE id = {id}");

        var sweep = ActivatorUtilities.CreateInstance<FiredBroadcastSweep>(_h.Bot.Services);
        await sweep.StartAsync(default);
        try
        {
            await _h.WaitForStatusAsync(id, "sent");
        }
        finally
        {
            await sweep.StopAsync(default);
        }

        Assert.Equal(1, await RunsAsync(id));
        ExactlyOnce.Verify(_h.MulticastCounts(), recipients);
    }

    [SkippableFact]
    public async Task Fanout_OutcomesRefusedPastTheOldThousandTries_ReadyzNamesTheFanoutThenEveryoneOnceAndReadyAgain()
    {
        _h = await StartAsync(new Dictionary<string, string?>
        {
            ["Broadcasts:OutageRetryMaxDelay"] = "00:00:00.002",
            // Long enough that no batch is claimed again while its outcome waits: what is tested is the recorder's patience.
            ["Broadcasts:BatchLease"] = "00:10:00",
        });
        var recipients = await _h.SeedAsync("volunteer", 30);
        using var client = _h.Bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        await Faults.BreakWritesAsync(_h.Database, "broadcast_batches", "UPDATE", "NEW.state <> OLD.state");

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));
        await WaitUntilAsync(
            async () =>
            {
                var response = await client.GetAsync("/readyz");
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var fanout = body["checks"]!["fanout"]!;
                if (fanout["status"]!.GetValue<string>() == "Healthy")
                {
                    return false;
                }

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Contains("fanout", body["failing"]!.AsArray().Select(p => p!.GetValue<string>()));
                Assert.Contains("stuck storing outcomes", fanout["description"]!.GetValue<string>(), StringComparison.Ordinal);
                return fanout["data"]!["tries"]!.GetValue<int>() > 1000;
            },
            TimeSpan.FromSeconds(120));
        await Faults.RepairWritesAsync(_h.Database, "broadcast_batches");
        var view = await _h.WaitForStatusAsync(id, "sent");

        Assert.Equal(30, view.Number("accepted"));
        ExactlyOnce.Verify(_h.MulticastCounts(), recipients);
        await WaitUntilAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
    }

    private Task<long> RunsAsync(long id) => _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcast_runs WHERE broadcast_id = {id}");

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Still not so after {timeout}.");
            }

            await Task.Delay(50);
        }
    }
}

public sealed class OutageTestsOnSqlite() : OutageTests("Sqlite");

public sealed class OutageTestsOnPostgres() : OutageTests("Postgres");
