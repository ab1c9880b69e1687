using Npgsql;

namespace OutreachBot.Bench.Harness;

/// <summary>
/// A PostgreSQL server of the bench's own, made as test.sh makes one: initdb in a temporary folder, a free port, no
/// fsync, owned by the postgres user when the bench runs as root (initdb refuses root); stopped and deleted afterwards.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private ThrowawayPostgres(string folder, string bin, bool asPostgresUser, string connectionString)
    {
        _folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(Directory.Exists).OrderBy(VersionOf).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql), and none given with --postgres.");
        }

        var folder = Directory.CreateTempSubdirectory("outreachbot-bench-pg-").FullName;
        var root = Environment.UserName == "root";
        if (root)
        {
            await Commands.RunAsync("chown", folder, "postgres:", folder);
        }

        var port = ChildProcess.FreePort();
        var server = new ThrowawayPostgres(folder, bin, root, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200");
        await server.RunAsync("initdb", "-D", Path.Combine(folder, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await server.RunAsync(
            "pg_ctl", "-D", Path.Combine(folder, "data"), "-w", "-l", Path.Combine(folder, "server.log"),
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
        return server;
    }

    /// <summary>A new, empty database on <paramref name="server"/>; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private Task RunAsync(string tool, params string[] arguments) => _asPostgresUser
        ? Commands.RunAsync("runuser", _folder, ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
        : Commands.RunAsync(Path.Combine(_bin, tool), _folder, arguments);

    private static Version VersionOf(string bin) =>
        Version.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)) + ".0", out var version) ? version : new Version(0, 0);
}
