using System.Net.Http.Json;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// The emulator's chat as a person uses it, the bot on a real port behind the emulator's signed webhooks: in disaster
/// mode a citizen who sends their location from the chat gets the open shelters nearest first.
/// </summary>
public sealed class ShelterEmulatorChatTests : IAsyncLifetime
{
    private const string Citizen = "Ud15a5e70000000000000000000000d01";

    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Disaster:SinglePersonSwitch"] = "true",
            ["Conversations:RichMenu:Enabled"] = "false",
        });
        _world.Line.ConnectBot(new Uri(_bot.Address + "/webhook/line"));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Chat_LocationSentInDisasterMode_OpenSheltersNearestFirst()
    {
        using var api = new HttpClient { BaseAddress = new Uri(_bot.Address) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", TestBot.ApiKey);
        foreach (var (name, latitude, longitude) in new[] { ("中央小学校", 35.6812, 139.7671), ("西新宿福祉センター", 35.6900, 139.7030) })
        {
            (await api.PostAsJsonAsync("/api/v1/shelters", new
            {
                names = new { ja = name }, address = "東京都", latitude, longitude, kind = "designated-shelter", open = true,
            })).EnsureSuccessStatusCode();
        }

        (await api.PutAsJsonAsync("/api/v1/disaster-mode", new { active = true, reason = "震度6強の地震" })).EnsureSuccessStatusCode();
        using var chat = new HttpClient { BaseAddress = _world.Line.BaseUrl };
        (await chat.PostAsJsonAsync("/_emulator/chat/citizens", new { userId = Citizen, displayName = "市民 太郎", language = "ja" })).EnsureSuccessStatusCode();
        (await chat.PostAsJsonAsync($"/_emulator/chat/citizens/{Citizen}/follow", new { })).EnsureSuccessStatusCode();

        (await chat.PostAsJsonAsync($"/_emulator/chat/citizens/{Citizen}/messages", new
        {
            type = "location", title = "現在地", address = "東京都新宿区西新宿", latitude = 35.6896, longitude = 139.7006,
        })).EnsureSuccessStatusCode();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Sent.Bubbles(_world.Line.Transcript.For(Citizen)).Count == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(
            ["西新宿福祉センター", "中央小学校"],
            Sent.Bubbles(_world.Line.Transcript.For(Citizen)).Select(b => b.GetProperty("body").GetProperty("contents")[0].GetProperty("text").GetString()));
        Assert.Contains("現在地から近い順", Sent.Text(_world.Line.Transcript.For(Citizen)), StringComparison.Ordinal);
    }
}
