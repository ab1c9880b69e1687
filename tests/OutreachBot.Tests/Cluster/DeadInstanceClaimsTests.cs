using System.Globalization;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.Cluster;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Cluster;

/// <summary>What a dead instance's release gives back, and what it leaves with the living and with a new process under the same id.</summary>
public abstract class DeadInstanceClaimsTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset DeadSince = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    private static readonly TimeSpan ClaimLease = new InboxOptions().ClaimLease;
    private TestWorld _world = null!;
    private Database _database = null!;

    /// <summary>A bot migrates the database and stops, so that no processor of its own touches the claims made here.</summary>
    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartWithBotAsync(provider);
        await _world.StopAsync(_world.Bot);
        var storage = new StorageOptions { Provider = Enum.Parse<StorageProvider>(provider), ConnectionString = _world.Database.ConnectionString };
        _database = new Database(Options.Create(storage), new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
    }

    public async Task DisposeAsync()
    {
        _database.Dispose();
        await _world.DisposeAsync();
    }

    [SkippableFact]
    public async Task Release_DeadInstance_FreesOnlyItsPendingClaimsMadeBeforeItDied()
    {
        await ClaimAsync("Ebefore", "node-x", DeadSince - TimeSpan.FromSeconds(5) + ClaimLease);
        await ClaimAsync("Eliving", "node-y", DeadSince - TimeSpan.FromSeconds(5) + ClaimLease);
        await ClaimAsync("Erestarted", "node-x", DeadSince + TimeSpan.FromSeconds(5) + ClaimLease);
        await ClaimAsync("Eprefix", "node-x2", DeadSince - TimeSpan.FromSeconds(5) + ClaimLease);

        var claims = new DeadInstanceClaims(_database, Options.Create(new InboxOptions()), Options.Create(new BroadcastOptions()));
        var released = await claims.ReleaseAsync("node-x", DeadSince, default);

        Assert.Equal(1, released);
        Assert.Equal(["Eliving", "Eprefix", "Erestarted"], await StillClaimedAsync());
    }

    private Task ClaimAsync(string eventId, string instance, DateTimeOffset until) => _world.Database.ExecuteAsync(
        $"""
        INSERT INTO inbox_events (webhook_event_id, event_type, source_key, event_timestamp, is_redelivery, payload, received_at, next_attempt_at, claimed_by, claimed_until)
        VALUES ('{eventId}', 'follow', 'U{eventId}', 1, {(provider == "Postgres" ? "FALSE" : "0")}, 'null', 1, 1, '{instance}', {until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})
        """);

    private async Task<List<string>> StillClaimedAsync()
    {
        var concat = provider == "Postgres" ? "string_agg(webhook_event_id, ',' ORDER BY webhook_event_id)" : "group_concat(webhook_event_id, ',')";
        var joined = await _world.Database.ScalarAsync<string>(
            $"SELECT {concat} FROM (SELECT webhook_event_id FROM inbox_events WHERE claimed_until IS NOT NULL ORDER BY webhook_event_id) AS claimed");
        return [.. joined.Split(',')];
    }
}

public sealed class DeadInstanceClaimsTestsOnSqlite() : DeadInstanceClaimsTests("Sqlite");

public sealed class DeadInstanceClaimsTestsOnPostgres() : DeadInstanceClaimsTests("Postgres");
