using System.Text.Json.Nodes;
using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Meta;

/// <summary>Broadcast tests with the emulated Page and Instagram account connected, and the publisher's waits made short.</summary>
public abstract class SocialHarness(string provider) : IAsyncLifetime
{
    protected BroadcastHarness H { get; private set; } = null!;

    protected MetaBook Meta => H.Line.Meta;

    protected MetaAccounts Accounts => H.Line.Options.Meta;

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Meta:PollInterval"] = "00:00:00.050",
            ["Meta:RetryDelay"] = "00:00:00.100",
            ["Meta:AttemptTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        H = await BroadcastHarness.StartAsync(provider, settings);
        Accounts.ImageFetchBase = H.Line.BaseUrl;
        var problem = await H.Get<MetaConnections>().ConnectAsync(
            Accounts.PageId, Accounts.PageAccessToken, Accounts.InstagramUserId, new OutreachBot.Staff.StaffActor("social-admin", null, null), default);
        Assert.Null(problem);
    }

    /// <summary>Settings a suite adds to the harness's own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async Task DisposeAsync() => await H.DisposeAsync();

    protected static object SocialBroadcast(string[] channels, params object[] messages) => new
    {
        title = "市民活動ニュース",
        messages = new Dictionary<string, object[]> { ["ja"] = messages.Length == 0 ? [BroadcastHarness.Text("清掃ボランティアを募集します")] : messages },
        target = new { topics = new[] { "volunteer" }, match = "any" },
        channels,
    };

    /// <summary>A broadcast with messages in several languages and staff's <c>social</c> choices.</summary>
    protected static object SocialBroadcast(string[] channels, object social, Dictionary<string, object[]> messages) => new
    {
        title = "市民活動ニュース",
        messages,
        target = new { topics = new[] { "volunteer" }, match = "any" },
        channels,
        social,
    };

    /// <summary>An https image whose path the emulator serves (it fetches it from itself, see <see cref="MetaAccounts.ImageFetchBase"/>).</summary>
    protected static object Image(string file = "sample.jpg") =>
        new { type = "image", originalContentUrl = $"https://city.example.jp/_emulator/meta/images/{file}", previewImageUrl = $"https://city.example.jp/_emulator/meta/images/{file}" };

    /// <summary>Waits until the channel's post leaves pending (or reaches <paramref name="status"/>) and returns its view.</summary>
    protected async Task<JsonNode> WaitForChannelAsync(long id, string channel, string status, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var view = await H.GetAsync(id);
            var post = view["channels"]![channel]!;
            if (post["status"]!.GetValue<string>() == status)
            {
                return post;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"The {channel} post of broadcast {id} did not become {status}: {view["channels"]!.ToJsonString()}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
