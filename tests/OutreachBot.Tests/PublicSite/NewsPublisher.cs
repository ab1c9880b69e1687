using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.PublicSite;

/// <summary>Publishes broadcasts as staff do (the API, then the firing path Quartz takes), on the channels a test names.</summary>
public sealed class NewsPublisher(BroadcastHarness harness)
{
    public static Dictionary<string, object[]> Japanese(params object[] messages) => new() { ["ja"] = messages };

    /// <summary>Creates a broadcast for later, sets its channels (and raw messages, for fields the API does not take yet), fires it and waits until it is sent.</summary>
    /// <param name="rawMessages">Stored as they are, e.g. an image's <c>altText</c>; the compiled <paramref name="messages"/> otherwise.</param>
    public async Task<long> PublishAsync(
        Dictionary<string, object[]>? messages = null, string channels = "line,web", string topic = "volunteer", object? rawMessages = null, object? subjects = null)
    {
        var id = await CreateAsync(messages, channels, topic, rawMessages, subjects);
        using (var scope = harness.Bot.Services.CreateScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FireAsync(id, null, default));
        }

        await harness.WaitForStatusAsync(id, "sent");
        return id;
    }

    /// <summary>A broadcast scheduled for tomorrow and not fired.</summary>
    public async Task<long> CreateAsync(
        Dictionary<string, object[]>? messages = null, string channels = "line,web", string topic = "volunteer", object? rawMessages = null, object? subjects = null)
    {
        var at = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var id = await harness.CreateAsync(BroadcastHarness.Broadcast(topic, new { at }, messages));
        await harness.Database.ExecuteAsync($"UPDATE broadcasts SET channels = '{channels}' WHERE id = {id}");
        if (rawMessages is not null)
        {
            await harness.Database.ExecuteAsync($"UPDATE broadcasts SET messages = '{Quote(JsonSerializer.Serialize(rawMessages))}' WHERE id = {id}");
        }

        if (subjects is not null)
        {
            await harness.Database.ExecuteAsync($"UPDATE broadcasts SET mail_subjects = '{Quote(JsonSerializer.Serialize(subjects))}' WHERE id = {id}");
        }

        return id;
    }

    public Task<long> PublishedAtAsync(long id) =>
        harness.Database.ScalarAsync<long>($"SELECT MIN(fired_at) FROM broadcast_runs WHERE broadcast_id = {id}");

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
