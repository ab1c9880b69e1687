using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.Tests.CivicEvents;

namespace OutreachBot.Tests.Cluster;

/// <summary>100 citizens confirming within one second for 20 seats, their taps landing on two bot processes sharing PostgreSQL.</summary>
public sealed class ClusterApplicationRaceTests : ClusterTests
{
    [SkippableFact]
    public async Task Confirm_HundredTapsOnTwoInstancesForTwentySeats_TwentyConfirmedEightyWaitingInOrder()
    {
        Cluster = await TwoNodeCluster.StartAsync();
        var citizens = await Cluster.SeedSubscribersAsync(100);
        using var api = Cluster.Node("node-a").Client(TwoNodeCluster.ApiKey);
        var id = await ApplicationChatTests.CreateAsync(api, ApplicationChatTests.Seminar(capacity: 20));
        Func<string, Task<HttpResponseMessage>>[] nodes =
        [
            body => Cluster.Node("node-a").PostWebhookAsync(body, TwoNodeCluster.ChannelSecret),
            body => Cluster.Node("node-b").PostWebhookAsync(body, TwoNodeCluster.ChannelSecret),
        ];
        Task<long> Pending() => Cluster.QueryAsync<long>("SELECT COUNT(*) FROM inbox_events WHERE state <> 'done'").ContinueWith(t => t.Result[0], TaskScheduler.Default);

        await ApplicationRace.TapAllAsync(Cluster.Line, citizens, $"v1|apply|{id}", nodes);
        await ApplicationRace.DrainAsync(Pending, TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ApplicationRace.TapAllAsync(Cluster.Line, citizens, $"v1|apply-yes|{id}", nodes);
        var tapped = clock.Elapsed;
        await ApplicationRace.DrainAsync(Pending, TimeSpan.FromSeconds(60));

        Assert.True(tapped < TimeSpan.FromSeconds(1), $"the taps took {tapped}");
        var statuses = await Cluster.QueryAsync<string>($"SELECT status FROM event_applications WHERE event_id = {id} ORDER BY number");
        Assert.Equal(100, statuses.Count);
        Assert.Equal(Enumerable.Repeat("confirmed", 20).Concat(Enumerable.Repeat("waiting", 80)), statuses);
        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), await Cluster.QueryAsync<long>($"SELECT number FROM event_applications WHERE event_id = {id} ORDER BY number"));
        Assert.Equal([20L], await Cluster.QueryAsync<long>($"SELECT seats_taken FROM civic_events WHERE id = {id}"));
        var roster = await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/applications");
        Assert.Equal(Enumerable.Range(1, 80), roster.EnumerateArray().Skip(20).Select(a => a.GetProperty("position").GetInt32()));
        Assert.Equal(citizens.Order(StringComparer.Ordinal), roster.EnumerateArray().Select(a => a.GetProperty("userId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(citizens, c => Assert.Contains(Cluster.Line.Transcript.For(c), line => line.Content.TryGetProperty("text", out var text) && text.GetString()!.Contains("申込番号", StringComparison.Ordinal)));
    }
}
