using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.Analytics.Insight;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.BrowserTests;

/// <summary>
/// A broadcast's figures in chromium: twenty citizens read it in the emulator's chat page and tap its link, which the
/// page reports as LINE's app would be counted; the daily reader asks the emulator, and the broadcast's console page
/// shows the day's figures, Japanese first, with the ones LINE hides as 「20未満」.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InsightBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const string Link = "https://city.example.jp/clean";
    private const int Readers = 20;

    private TestWorld _world = null!;
    private LineEmulatorServer _line = null!;
    private TestBot _bot = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions());
        _line = _world.Line;
        _bot = _world.StartBotOnPort(new Dictionary<string, string?>
        {
            ["Broadcasts:QuietHoursStart"] = "00:00",
            ["Broadcasts:QuietHoursEnd"] = "00:00",
            ["Broadcasts:PollInterval"] = "00:00:00.050",
            ["Analytics:InsightReadsPerHour"] = "360000",
        });
        _url = _bot.Address;
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Broadcast_ReadAndTappedInTwentyChats_ItsPageShowsLinesFiguresWithHiddenOnesAsFewerThan20()
    {
        var id = await SendAsync();
        await using var citizens = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        await citizens.RouteAsync(Link, route => route.FulfillAsync(new() { Status = 200, Body = "清掃活動" }));
        var chat = await citizens.NewPageAsync();
        await chat.GotoAsync(_line.BaseUrl.ToString());
        for (var i = 0; i < Readers; i++)
        {
            await chat.Locator("button.citizen", new() { HasText = UserId(i) }).ClickAsync();
            var link = chat.Locator("#transcript a.link", new() { HasText = Link });
            await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 15_000 });
            var opened = await chat.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
            await opened.CloseAsync();
        }

        await ReadUntilAsync(id);
        await using var staff = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var viewer = await staff.SignInAsync(_url, "etsuran", Password);
        await viewer.GotoAsync($"{_url}/console/broadcasts/{id}");

        var day = viewer.Locator("[data-testid='insight'] tr[data-day]");
        await Assertions.Expect(day.Locator("td").Nth(1)).ToHaveTextAsync("20");
        await Assertions.Expect(day.Locator("td").Nth(2)).ToHaveTextAsync("20");
        await Assertions.Expect(day.Locator("td").Nth(3)).ToHaveTextAsync("20");
        await Assertions.Expect(day.Locator("td").Nth(5)).ToHaveTextAsync("20未満 fewer than 20");
        await Assertions.Expect(viewer.Locator("#figures-h")).ToHaveTextAsync("反応 Response");
        await viewer.Locator("[data-testid='figures']").ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "80-broadcast-figures.png") });
    }

    /// <summary>The chat pages report by fetch as they draw and open: read until every report has arrived.</summary>
    private async Task ReadUntilAsync(long id)
    {
        var reader = _bot.Services.GetRequiredService<InsightReader>();
        var store = _bot.Services.GetRequiredService<InsightStore>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await reader.ReadAsync(LineDay.Of(DateTimeOffset.UtcNow), default);
            if ((await store.ForAsync(id, default)) is [{ Impressions: Readers, Clicks: Readers }])
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The chat pages' reports never added up to twenty readers.");
    }

    private async Task<long> SendAsync()
    {
        using var api = new HttpClient { BaseAddress = new Uri(_url) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestBot.ApiKey);
        using var created = await api.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "河川敷の清掃",
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = $"日曜日に河川敷を清掃します。 {Link}" }] },
            target = new { topics = new[] { "volunteer" }, match = "any" },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        for (var i = 0; i < 300 && (await api.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}")).GetProperty("status").GetString() != "sent"; i++)
        {
            await Task.Delay(100);
        }

        return id;
    }

    private async Task SeedAsync()
    {
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        await _bot.Services.GetRequiredService<StaffAccountStore>().CreateAsync(new StaffAccountDraft("etsuran", "閲覧 次郎", StaffRole.Viewer), hash, false, DateTimeOffset.UtcNow, default);
        var volunteer = (await _bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        for (var i = 0; i < Readers; i++)
        {
            await _bot.Services.GetRequiredService<CitizenStore>().FollowAsync(UserId(i), "ja", null, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            await _bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(UserId(i), volunteer.Id, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            _line.AddFollower(UserId(i), $"市民 {i:D2}");
        }
    }

    private static string UserId(int i) => $"U{i:x32}";
}
