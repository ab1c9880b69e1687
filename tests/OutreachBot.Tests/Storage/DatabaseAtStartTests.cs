using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Storage;

/// <summary>
/// A PostgreSQL server that does not answer when the bot starts: the bot says which setting names it (without its
/// password), keeps trying instead of exiting, and starts, ready, once the server answers.
/// </summary>
public sealed class DatabaseAtStartTestsOnPostgres : IAsyncLifetime
{
    private const string Password = "pw-never-logged";
    private readonly LogRecorder _logs = new();
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync("Postgres");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task ServerNotYetListening_BotWaitsNamingTheSettingThenStartsReadyWhenItAnswers()
    {
        var port = FreePort();
        var real = new NpgsqlConnectionStringBuilder(_world.Database.ConnectionString);
        var bot = _world.CreateBot(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = port, Password = Password }.ConnectionString },
            s => s.AddSingleton<ILoggerProvider>(_logs));

        var starting = Task.Run(() => bot.Server);
        await WaitUntilAsync(() => _logs.Messages.Count(m => m.Contains("Storage:ConnectionString", StringComparison.Ordinal)) >= 2);
        Assert.False(starting.IsCompleted);
        Assert.Contains(_logs.Messages, m => m.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Password, StringComparison.Ordinal));

        using var proxy = new TcpForwarder(port, real.Host!, real.Port);
        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, cancel.Token);
        }
    }

    /// <summary>The database server appearing on the port the bot was given: every connection there is passed on to the real one.</summary>
    private sealed class TcpForwarder : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();

        public TcpForwarder(int port, string host, int targetPort)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = PassOnAsync(incoming, host, targetPort);
                }
            });
        }

        private async Task PassOnAsync(TcpClient incoming, string host, int port)
        {
            using (incoming)
            using (var outgoing = new TcpClient())
            {
                await outgoing.ConnectAsync(host, port, _stop.Token);
                await Task.WhenAny(
                    incoming.GetStream().CopyToAsync(outgoing.GetStream(), _stop.Token),
                    outgoing.GetStream().CopyToAsync(incoming.GetStream(), _stop.Token));
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}

/// <summary>A SQLite file where nothing can be written stops the start at once, with a message naming the setting.</summary>
public sealed class DatabaseAtStartTestsOnSqlite : IAsyncLifetime
{
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync("Sqlite");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public void FileUnderAPathThatCannotBeAFolder_StartStopsNamingTheSetting()
    {
        var bot = _world.CreateBot(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "Data Source=/dev/null/outreachbot.db" });

        var refused = Assert.ThrowsAny<Exception>(() => bot.Server);

        Assert.Contains("Storage:ConnectionString", refused.ToString(), StringComparison.Ordinal);
    }
}
