using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Storage;

public abstract class MigrationTests(string provider) : IAsyncLifetime
{
    private TestWorld _world = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _database = _world.Database;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Start_FreshDatabase_AppliesEveryMigrationOnceAndRecordsIt()
    {
        await using (var bot = _world.CreateBot(services: RecordingHandler.Register))
        {
            _ = bot.Services;
        }

        var applied = await _database.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
        await using (var again = _world.CreateBot(services: RecordingHandler.Register))
        {
            _ = again.Services;
        }

        Assert.True(applied >= 2);
        Assert.Equal(applied, await _database.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [SkippableFact]
    public async Task Apply_SeveralInstancesAtOnce_EachMigrationAppliedOnce()
    {
        await using var bot = _world.CreateBot(services: RecordingHandler.Register);
        var runners = Enumerable.Range(0, 4).Select(_ => bot.Services.GetRequiredService<MigrationRunner>());

        await Task.WhenAll(runners.Select(r => Task.Run(() => r.ApplyAsync(CancellationToken.None))));

        Assert.Equal(
            await _database.ScalarAsync<long>("SELECT COUNT(DISTINCT version) FROM schema_migrations"),
            await _database.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests("Sqlite");

public sealed class MigrationTestsOnPostgres() : MigrationTests("Postgres");
