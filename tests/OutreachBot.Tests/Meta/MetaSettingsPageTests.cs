using System.Net;
using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Meta;

/// <summary>An admin connects the Page and the Instagram account: the token is checked with Meta, kept encrypted, never shown.</summary>
public abstract class MetaSettingsPageTests(string provider) : MetaWorld(provider)
{
    private const string Page = "/console/admin/meta";

    [SkippableFact]
    public async Task Connect_AWorkingToken_IsCheckedStoredEncryptedAndNeverShownAgain()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var saved = await admin.PostFormAsync($"{Page}?handler=Connect", Form(Accounts.PageAccessToken), Page);
        var html = await admin.GetPageAsync(Page);
        var stored = await Database.ScalarAsync<string>("SELECT protected_token FROM meta_connection");
        var account = await Get<MetaConnections>().CurrentAsync(default);

        Assert.Contains(Accounts.PageName, html, StringComparison.Ordinal);
        Assert.Contains(Accounts.InstagramUsername, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.PageAccessToken, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.PageAccessToken, stored, StringComparison.Ordinal);
        Assert.Equal(Accounts.PageAccessToken, account!.Token);
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.MetaConnected}'"));
    }

    [SkippableFact]
    public async Task Connect_AWrongToken_SaysPlainlyWhatIsWrongAndStoresNothing()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var refused = await admin.PostFormAsync($"{Page}?handler=Connect", Form("a-token-meta-does-not-know"), Page);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode} {html}");
        Assert.Contains("id=\"e-token\"", html, StringComparison.Ordinal);
        Assert.Contains("アクセストークンが無効", html, StringComparison.Ordinal);
        Assert.Contains("code 190", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a-token-meta-does-not-know", html, StringComparison.Ordinal);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM meta_connection"));
    }

    [SkippableFact]
    public async Task Disconnect_RemovesTheConnection()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        (await admin.PostFormAsync($"{Page}?handler=Connect", Form(Accounts.PageAccessToken), Page)).Dispose();

        (await admin.PostFormAsync($"{Page}?handler=Disconnect", [], Page)).Dispose();

        Assert.Null(await Get<MetaConnections>().CurrentAsync(default));
        Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.MetaDisconnected}'"));
    }

    [SkippableFact]
    public async Task Page_IsForAdminsOnly()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var response = await editor.Client.GetAsync(new Uri(Page, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private Dictionary<string, string> Form(string token) => new()
    {
        ["PageId"] = Accounts.PageId,
        ["PageAccessToken"] = token,
        ["InstagramUserId"] = Accounts.InstagramUserId,
    };
}

public sealed class MetaSettingsPageTestsOnSqlite() : MetaSettingsPageTests("Sqlite");

public sealed class MetaSettingsPageTestsOnPostgres() : MetaSettingsPageTests("Postgres");

/// <summary>A connection from the settings is shown read-only, and the check reads the Page with the configured token.</summary>
public abstract class MetaSettingsFromFileTests(string provider) : MetaWorld(provider, new Dictionary<string, string?>
{
    ["Meta:PageId"] = new MetaAccounts().PageId,
    ["Meta:PageAccessToken"] = MetaAccounts.DefaultPageAccessToken,
    ["Meta:InstagramUserId"] = new MetaAccounts().InstagramUserId,
})
{
    [SkippableFact]
    public async Task Settings_ShowTheConnectionReadOnly_AndTheCheckClearsADisconnection()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        await Get<MetaConnections>().MarkDisconnectedAsync("Error validating access token (code 190)", default);
        var before = await Get<MetaConnections>().CurrentAsync(default);

        (await admin.PostFormAsync("/console/admin/meta?handler=Check", [], "/console/admin/meta")).Dispose();
        var html = await admin.GetPageAsync("/console/admin/meta");
        var after = await Get<MetaConnections>().CurrentAsync(default);

        Assert.True(before!.FromSettings);
        Assert.False(before.Usable);
        Assert.True(after!.Usable);
        Assert.Contains(Accounts.PageName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Connect", html, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaAccounts.DefaultPageAccessToken, html, StringComparison.Ordinal);
    }
}

public sealed class MetaSettingsFromFileTestsOnSqlite() : MetaSettingsFromFileTests("Sqlite");

public sealed class MetaSettingsFromFileTestsOnPostgres() : MetaSettingsFromFileTests("Postgres");
