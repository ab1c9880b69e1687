using System.Text.Json;
using Dapper;

namespace OutreachBot.Subscriptions;

/// <summary>
/// Gives a new installation a civic-activity office's usual topics (SeedTopics.json), once: when there are no topics
/// at all. From then on topics are staff's data.
/// </summary>
internal sealed class TopicSeeder(Database database, TopicStore topics, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM topics", cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        var now = time.GetUtcNow();
        var order = 0;
        foreach (var seed in Load())
        {
            order += 10;
            await topics.CreateAsync(new TopicDraft(seed.Slug, seed.Names, seed.Descriptions, order, Archived: false), now, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<SeedTopic> Load()
    {
        using var stream = typeof(TopicSeeder).Assembly.GetManifestResourceStream("OutreachBot.Subscriptions.SeedTopics.json")!;
        return JsonSerializer.Deserialize<List<SeedTopic>>(stream, JsonSerializerOptions.Web)!;
    }

    private sealed record SeedTopic(string Slug, Dictionary<string, string> Names, Dictionary<string, string> Descriptions);
}
