using Dapper;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Meta;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>
/// Connects the city's Facebook Page and Instagram account: the token is checked with Meta on save and never shown
/// again. A connection from the settings (<c>Meta:PageId</c>) is shown read-only, with a check that clears a disconnection.
/// </summary>
public sealed class MetaModel(MetaConnections connections, MetaEmulator emulator, FollowerRecorder followers, Database database) : ConsolePage
{
    [BindProperty]
    public string? PageId { get; set; }

    [BindProperty]
    public string? PageAccessToken { get; set; }

    [BindProperty]
    public string? InstagramUserId { get; set; }

    public MetaAccount? Account { get; private set; }

    public bool FromSettings => connections.FromSettings;

    public MetaEmulator Emulator => emulator;

    /// <summary>The latest recorded <c>followers_count</c> per channel (<c>facebook</c>, <c>instagram</c>).</summary>
    public IReadOnlyDictionary<string, long> Followers { get; private set; } = new Dictionary<string, long>();

    public async Task OnGetAsync()
    {
        Account = await connections.CurrentAsync(HttpContext.RequestAborted);
        if (Account is not null)
        {
            await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
            var rows = await connection.QueryAsync<(string Channel, long Followers)>(new CommandDefinition(
                "SELECT channel, followers FROM social_followers ORDER BY day", cancellationToken: HttpContext.RequestAborted));
            Followers = rows.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Last().Followers);
        }
    }

    public async Task<IActionResult> OnPostConnectAsync()
    {
        if (connections.FromSettings)
        {
            return RedirectToPage();
        }

        var problem = await connections.ConnectAsync(PageId ?? "", PageAccessToken ?? "", InstagramUserId, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        PageAccessToken = null;
        if (problem is { } reason)
        {
            AddError("token", reason);
            Account = await connections.CurrentAsync(HttpContext.RequestAborted);
            return Page();
        }

        // The hourly reading would otherwise leave the page without follower counts until the next hour.
        await followers.RecordAsync(HttpContext.RequestAborted);
        Notice = ConsoleText.S("接続しました。", "Connected.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (connections.FromSettings && await connections.RecheckSettingsAsync(HttpContext.RequestAborted) is { } problem)
        {
            AddError("token", problem);
            Account = await connections.CurrentAsync(HttpContext.RequestAborted);
            return Page();
        }

        Notice = ConsoleText.S("接続を確認しました。", "The connection works.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync()
    {
        if (!connections.FromSettings)
        {
            await connections.DisconnectAsync(StaffActor.Of(HttpContext), HttpContext.RequestAborted);
            Notice = ConsoleText.S("接続を解除しました。", "Disconnected.");
        }

        return RedirectToPage();
    }
}
