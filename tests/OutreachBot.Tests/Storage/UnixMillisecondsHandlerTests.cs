using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Storage;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Storage;

public abstract class UnixMillisecondsHandlerTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Moment = new(2026, 12, 7, 11, 30, 15, 123, TimeSpan.FromHours(9));

    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _bot = _world.StartBot(services: RecordingHandler.Register);
        await _world.Database.ExecuteAsync("CREATE TABLE time_probe (id INTEGER NOT NULL, at BIGINT NOT NULL, maybe_at BIGINT NULL)");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Write_DateTimeOffsetParameter_StoredAsUnixMilliseconds()
    {
        await InsertAsync(1, Moment, Moment.AddMinutes(5));

        Assert.Equal(Moment.ToUnixTimeMilliseconds(), await _world.Database.ScalarAsync<long>("SELECT at FROM time_probe WHERE id = 1"));
        Assert.Equal(Moment.AddMinutes(5).ToUnixTimeMilliseconds(), await _world.Database.ScalarAsync<long>("SELECT maybe_at FROM time_probe WHERE id = 1"));
    }

    [SkippableFact]
    public async Task Read_StoredMilliseconds_EqualUtcDateTimeOffset()
    {
        await InsertAsync(1, Moment, null);

        var read = await ReadAsync(1);

        Assert.Equal(Moment, read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
        Assert.Null(read.MaybeAt);
    }

    [SkippableFact]
    public async Task Read_NullableWithValue_EqualsWhatWasWritten()
    {
        await InsertAsync(1, Moment, Moment.AddDays(1));

        Assert.Equal(Moment.AddDays(1), (await ReadAsync(1)).MaybeAt);
    }

    [SkippableFact]
    public async Task Compare_DateTimeOffsetParameter_ComparesAsMilliseconds()
    {
        await InsertAsync(1, Moment, null);
        await InsertAsync(2, Moment.AddSeconds(1), null);

        await using var connection = await OpenAsync();
        var later = await connection.QueryAsync<int>("SELECT id FROM time_probe WHERE at > @At", new { At = Moment });

        Assert.Equal([2], later);
    }

    private async Task InsertAsync(int id, DateTimeOffset at, DateTimeOffset? maybeAt)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("INSERT INTO time_probe (id, at, maybe_at) VALUES (@Id, @At, @MaybeAt)", new { Id = id, At = at, MaybeAt = maybeAt });
    }

    private async Task<Probe> ReadAsync(int id)
    {
        await using var connection = await OpenAsync();
        return await connection.QuerySingleAsync<Probe>("SELECT at AS At, maybe_at AS MaybeAt FROM time_probe WHERE id = @Id", new { Id = id });
    }

    private Task<System.Data.Common.DbConnection> OpenAsync() => _bot.Services.GetRequiredService<Database>().OpenAsync();

    private sealed record Probe(DateTimeOffset At, DateTimeOffset? MaybeAt);
}

public sealed class UnixMillisecondsHandlerTestsOnSqlite() : UnixMillisecondsHandlerTests("Sqlite");

public sealed class UnixMillisecondsHandlerTestsOnPostgres() : UnixMillisecondsHandlerTests("Postgres");
