using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OutreachBot.Bench.Fanout;
using OutreachBot.Bench.Harness;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Bench.Disaster;

/// <summary>
/// <c>disaster</c>: N followers in the emulator (LINE's rate limits enforced), each linked to the menu of one of the seven
/// languages, and as many citizens in the bot's SQLite file; disaster mode is switched on through the API and then off,
/// and each time the run waits until every follower shows the right menu (the disaster menu of their language, then
/// their own again) and the default menu has followed. Counts the rich menu requests the bot made and those LINE
/// would have refused (429).
/// </summary>
public static class DisasterBenchmark
{
    private static readonly string[] Languages = ["ja", "ja-easy", "en", "vi", "pt-BR", "zh-Hans", "ko"];

    public static async Task RunAsync(BenchArguments arguments)
    {
        var followers = (int)arguments.Number("followers", 1_000_000);
        var dll = await Commands.BuildBotAsync();
        var data = Directory.CreateTempSubdirectory("outreachbot-disaster-").FullName;
        var database = Path.Combine(data, "disaster.db");
        await using var line = await LineEmulatorServer.StartAsync(new EmulatorOptions { MonthlyQuota = null, EnforceRateLimits = true });
        var settings = new Dictionary<string, string> { ["Disaster__SinglePersonSwitch"] = "true", ["Disaster__PollInterval"] = "00:00:00.200" };
        await using var bot = await FanoutBenchmark.StartBotAsync(dll, database, line, 200, settings);
        var everyday = await MenusAsync(line, "outreachbot");
        var disaster = await MenusAsync(line, "outreachbot-disaster");

        var seeding = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, followers).Select(i => (Id: "U" + i.ToString("x32", CultureInfo.InvariantCulture), Language: Languages[i % Languages.Length])).ToArray();
        foreach (var (id, language) in ids)
        {
            line.Users.Update(line.AddFollower(id, language: language) with { RichMenuId = everyday[language] });
        }

        await SeedAsync(database, ids);
        Console.WriteLine($"seeded {followers} followers in {seeding.Elapsed.TotalSeconds:F1} s");
        line.Journal.Clear();

        using var client = FanoutBenchmark.Client(bot);
        var on = await SwitchAsync(client, line, true, ids, disaster);
        var off = await SwitchAsync(client, line, false, ids, everyday);
        var menuRequests = line.Journal.Requests.Where(r => r.Path.Contains("/richmenu", StringComparison.Ordinal)).ToList();
        Directory.Delete(data, recursive: true);
        foreach (var group in menuRequests.GroupBy(r => r.Path.StartsWith("/v2/bot/user/all/richmenu/", StringComparison.Ordinal) ? "POST /v2/bot/user/all/richmenu/{id}" : $"{r.Method} {r.Path}"))
        {
            Console.WriteLine($"{group.Key}: {group.Count()}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"disaster-menu: {followers} followers, seconds {on:F2}, restore_seconds {off:F2}, requests {menuRequests.Count}, over_limit {menuRequests.Count(r => r.Status == 429)}"));
    }

    /// <summary>Switches through the API and returns the seconds until every follower and the default show <paramref name="expected"/>.</summary>
    private static async Task<double> SwitchAsync(
        HttpClient client, LineEmulatorServer line, bool active, (string Id, string Language)[] ids, IReadOnlyDictionary<string, string> expected)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PutAsJsonAsync("/api/v1/disaster-mode", new { active, reason = active ? "bench: 震度6強" : "bench: 解除" });
        response.EnsureSuccessStatusCode();
        while (line.RichMenus.DefaultRichMenuId != expected["ja"] || ids.Any(u => line.Users.Find(u.Id)!.RichMenuId != expected[u.Language]))
        {
            await Task.Delay(200);
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The bot's menus of one family, found by their aliases once it has made them all.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> MenusAsync(LineEmulatorServer line, string prefix)
    {
        while (true)
        {
            var aliases = line.RichMenus.Aliases;
            var menus = Languages.Where(l => aliases.ContainsKey($"{prefix}-{l.ToLowerInvariant()}")).ToDictionary(l => l, l => aliases[$"{prefix}-{l.ToLowerInvariant()}"]);
            if (menus.Count == Languages.Length)
            {
                return menus;
            }

            await Task.Delay(200);
        }
    }

    private static async Task SeedAsync(string database, (string Id, string Language)[] ids)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        await using var citizen = connection.CreateCommand();
        citizen.CommandText = "INSERT INTO citizens (user_id, language, language_chosen, following, first_followed_at, updated_at) VALUES ($id, $language, 1, 1, $now, $now)";
        var id = citizen.Parameters.Add("$id", SqliteType.Text);
        var language = citizen.Parameters.Add("$language", SqliteType.Text);
        citizen.Parameters.AddWithValue("$now", now);
        foreach (var user in ids)
        {
            id.Value = user.Id;
            language.Value = user.Language;
            await citizen.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
