using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>A world tuned for fast fan-out tests, with helpers to seed and follow broadcasts: the view of broadcast tests.</summary>
public sealed class BroadcastHarness : IAsyncDisposable
{
    /// <summary>Another person's key (an approver's), beside <see cref="TestBot.ApiKey"/>.</summary>
    public const string SecondApiKey = "second-staff-key";

    private BroadcastHarness(TestWorld world) => World = world;

    public TestWorld World { get; }

    public TestDatabase Database => World.Database;

    public LineEmulatorServer Line => World.Line;

    public TestBot Bot => World.Bot;

    public static Dictionary<string, string?> FastSettings() => new()
    {
        ["Api:Keys:1:Key"] = SecondApiKey,
        ["Api:Keys:1:Account"] = "second-approver",
        ["Api:Keys:1:Role"] = "approver",
        ["Broadcasts:PollInterval"] = "00:00:00.050",
        ["Broadcasts:FirstRetryDelay"] = "00:00:00.050",
        ["Broadcasts:MaxRetryDelay"] = "00:00:00.200",
        ["Broadcasts:AttemptTimeout"] = "00:00:01",
        ["Broadcasts:BatchLease"] = "00:00:05",
        ["Broadcasts:BatchSize"] = "10",
        ["Broadcasts:MulticastPerSecond"] = "0",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
    };

    public static async Task<BroadcastHarness> StartAsync(
        string provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, long? monthlyQuota = null) =>
        new(await TestWorld.StartWithBotAsync(
            provider,
            settings,
            s => { RecordingHandler.Register(s); services?.Invoke(s); },
            new EmulatorOptions { MonthlyQuota = monthlyQuota },
            FastSettings()));

    public T Get<T>()
        where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>Citizens who follow the account (in the bot and at LINE) and subscribe to <paramref name="topic"/>.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(string topic, int count, string language = "ja", string prefix = "U")
    {
        var citizens = Get<CitizenStore>();
        var subscriptions = Get<SubscriptionStore>();
        var topicId = (await Get<TopicStore>().FindAsync(topic, default))!.Id;
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}{language.Replace("-", "", StringComparison.Ordinal)}{i:D5}".PadRight(33, '0');
            await citizens.FollowAsync(id, language, null, now, default);
            await citizens.SetLanguageAsync(id, language, now, default);
            await subscriptions.SubscribeAsync(id, topicId, now, default);
            Line.AddFollower(id);
            ids.Add(id);
        }

        return ids;
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string path, object body, string apiKey = TestBot.ApiKey)
    {
        using var client = Bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetAsync(long id)
    {
        using var client = Bot.CreateApiClient();
        return JsonNode.Parse(await client.GetStringAsync($"/api/v1/broadcasts/{id}"))!;
    }

    public async Task<long> CreateAsync(object body, string apiKey = TestBot.ApiKey)
    {
        var (response, json) = await PostAsync("/api/v1/broadcasts", body, apiKey);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {json}");
        return json!["id"]!.GetValue<long>();
    }

    /// <summary>Waits until the broadcast has <paramref name="status"/> with its snapshot complete (a run is held while it is counted, too).</summary>
    public async Task<JsonNode> WaitForStatusAsync(long id, string status, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        JsonNode view = await GetAsync(id);
        while (view["status"]!.GetValue<string>() != status || view["snapshotting"]!.GetValue<bool>())
        {
            await Task.Delay(50, cancel.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Broadcast {id} did not become {status}: {view.ToJsonString()}");
            }

            view = await GetAsync(id);
        }

        return view;
    }

    /// <summary>How many times each recipient received a multicast, from the emulator's record.</summary>
    public Dictionary<string, int> MulticastCounts() => ExactlyOnce.MulticastCounts(Line);

    /// <summary>The most multicast requests LINE received in any one-second window.</summary>
    public int BusiestSecond() => Line.Journal.BusiestSecond("/v2/bot/message/multicast");

    public static object Text(string text) => new { type = "text", text };

    public static object Broadcast(string topic, object? schedule = null, Dictionary<string, object[]>? messages = null, bool urgent = false, bool draft = false) => new
    {
        title = "市民活動ニュース",
        messages = messages ?? new Dictionary<string, object[]> { ["ja"] = [Text("今週の市民活動です")] },
        target = new { topics = new[] { topic }, match = "any" },
        schedule,
        urgent,
        draft,
    };

    public ValueTask DisposeAsync() => World.DisposeAsync();
}

public static class JsonNodeExtensions
{
    public static long Number(this JsonNode node, string name) => node[name]!.GetValue<long>();

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static FaultSettings Only(this FaultSettings settings) => settings with { Paths = ["/v2/bot/message/multicast"] };

    public static string Json(this object value) => JsonSerializer.Serialize(value);
}
