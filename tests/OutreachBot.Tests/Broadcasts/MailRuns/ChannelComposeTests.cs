using System.Globalization;
using System.Net;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>The composer's channel checkboxes and the broadcast page's results per channel.</summary>
public abstract class ChannelComposeTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static Dictionary<string, string> Form(Dictionary<string, string> channels)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "清掃ボランティア募集",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "河川敷の清掃にご協力ください。",
            ["Input.Topics"] = "volunteer",
            ["Input.Match"] = "any",
            ["Input.Schedule"] = "now",
            ["action"] = "draft",
        };
        foreach (var (key, value) in channels)
        {
            form[key] = value;
        }

        return form;
    }

    [SkippableFact]
    public async Task Compose_Page_OffersLineMailAndWeb()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        var html = await editor.GetPageAsync("/console/broadcasts/compose");

        foreach (var channel in new[] { "line", "mail", "web" })
        {
            Assert.Contains($"name=\"Input.Channels\" value=\"{channel}\"", html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Compose_MailAndWebTicked_StoredAndShownPerChannelOnItsPage()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/broadcasts/compose", Form(new() { ["Input.Channels[0]"] = "", ["Input.Channels[1]"] = "mail", ["Input.Channels[2]"] = "web" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = long.Parse(ConsoleSession.PathOf(response)!.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal("mail,web", await _h.Database.ScalarAsync<string>($"SELECT channels FROM broadcasts WHERE id = {id}"));
        var page = await editor.GetPageAsync($"/console/broadcasts/{id}");
        Assert.Contains("data-testid=\"channel-results\"", page, StringComparison.Ordinal);
        Assert.Contains("data-channel=\"mail\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-channel=\"line\"", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Compose_NoChannelTicked_ErrorBesideTheChannelsAndNothingStored()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/broadcasts/compose", Form(new() { ["Input.Channels[0]"] = "" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-channels\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }
}

public sealed class ChannelComposeTestsOnSqlite() : ChannelComposeTests("Sqlite");

public sealed class ChannelComposeTestsOnPostgres() : ChannelComposeTests("Postgres");
