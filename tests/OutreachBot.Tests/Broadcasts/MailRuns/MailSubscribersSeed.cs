using System.Globalization;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>Confirmed e-mail subscribers written straight into the tables, as the subscribe pages would leave them.</summary>
internal static class MailSubscribersSeed
{
    public static async Task<IReadOnlyList<string>> AddAsync(TestDatabase database, string topic, int count, string language = "ja", string prefix = "resident")
    {
        var addresses = Enumerable.Range(0, count).Select(i => $"{prefix}{i.ToString("D4", CultureInfo.InvariantCulture)}@example.jp").ToList();
        foreach (var chunk in addresses.Chunk(500))
        {
            var values = string.Join(",", chunk.Select(a => $"('{a}', '{a}', '{language}', 'confirmed', 'form', 1, 0, 0)"));
            await database.ExecuteAsync($"INSERT INTO mail_subscribers (address, address_key, language, status, source, opted_in_at, created_at, updated_at) VALUES {values}");
        }

        var list = string.Join(",", addresses.Select(a => $"'{a}'"));
        await database.ExecuteAsync(
            $"""
            INSERT INTO mail_subscriptions (subscriber_id, topic_id, started_at)
            SELECT m.id, t.id, 0 FROM mail_subscribers m, topics t WHERE t.slug = '{topic}' AND m.address IN ({list})
            """);
        return addresses;
    }

    public static Task<long> CountAsync(TestDatabase database, string state) =>
        database.ScalarAsync<long>($"SELECT COUNT(*) FROM mail_deliveries WHERE state = '{state}'");

    /// <summary>Where the links in the mails point; a bot in a test listens on no address a mail could name.</summary>
    public const string PublicBaseUrl = "https://outreach.city.example.jp/";

    public static object MailBroadcast(string topic, string[] channels, object? mail = null, bool urgent = false) => new
    {
        title = "市民活動ニュース",
        messages = new Dictionary<string, object[]> { ["ja"] = [BroadcastHarness.Text("今週の市民活動です")] },
        target = new { topics = new[] { topic }, match = "any" },
        channels,
        mail,
        urgent,
    };
}
