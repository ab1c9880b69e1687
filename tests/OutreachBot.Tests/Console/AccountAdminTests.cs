using System.Net;
using System.Text.RegularExpressions;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public abstract partial class AccountAdminTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Create_Account_ShowsAOneTimePasswordThatMustBeChangedAtFirstSignIn()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var response = await admin.PostFormAsync("/console/admin/accounts/new", new()
        {
            ["Input.Username"] = "Tanaka", ["Input.DisplayName"] = "田中 花子", ["Input.Role"] = "approver",
        });
        var temporary = TemporaryPassword().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        using var tanaka = ConsoleSession.Anonymous(Bot);
        using var signIn = await tanaka.SignInAsync("tanaka", temporary);

        Assert.Equal(12, temporary.Length);
        Assert.Equal(StaffCookie.PasswordPath, ConsoleSession.PathOf(signIn));
        Assert.Equal("approver", await Database.ScalarAsync<string>("SELECT role FROM staff_accounts WHERE username = 'tanaka'"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.AccountCreated, "admin-user"));
        Assert.Contains("田中 花子", await admin.GetPageAsync("/console/admin/accounts"));
    }

    [SkippableFact]
    public async Task Create_Mistakes_ShowsErrorsBesideTheFields()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var response = await admin.PostFormAsync("/console/admin/accounts/new", new() { ["Input.Username"] = "x y", ["Input.DisplayName"] = "名前は残る" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("id=\"e-username\"", html);
        Assert.Contains("id=\"e-role\"", html);
        Assert.Contains("value=\"名前は残る\"", html);
    }

    [SkippableFact]
    public async Task ResetPassword_EndsTheAccountsSessionsAndGivesAOneTimePassword()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor, "sato");
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var id = await Database.ScalarAsync<long>("SELECT id FROM staff_accounts WHERE username = 'sato'");

        using var reset = await admin.PostFormAsync($"/console/admin/accounts/{id}?handler=Reset", [], $"/console/admin/accounts/{id}");
        var temporary = TemporaryPassword().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;

        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(await editor.Client.GetAsync("/console")));
        Assert.Equal(StaffCookie.PasswordPath, ConsoleSession.PathOf(await editor.SignInAsync("sato", temporary)));
        Assert.Equal(1, await CountAuditAsync(AuditActions.AccountPasswordReset, "admin-user"));
    }

    [SkippableFact]
    public async Task Edit_LastActiveAdminDemotingThemself_IsRefused()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        await Database.ExecuteAsync("DELETE FROM staff_accounts WHERE username = 'admin'");
        var id = await Database.ScalarAsync<long>("SELECT id FROM staff_accounts WHERE username = 'admin-user'");

        using var response = await admin.PostFormAsync($"/console/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "管理者", ["Input.Role"] = "viewer",
        });

        Assert.Contains("有効な管理者が一人もいなくなる", await response.Content.ReadAsStringAsync());
        Assert.Equal("admin", await Database.ScalarAsync<string>($"SELECT role FROM staff_accounts WHERE id = {id}"));
    }

    [SkippableFact]
    public async Task Edit_RoleLowered_TakesEffectAtTheNextRequest()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor, "sato");
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var id = await Database.ScalarAsync<long>("SELECT id FROM staff_accounts WHERE username = 'sato'");
        await editor.GetPageAsync("/console/topics/edit");

        (await admin.PostFormAsync($"/console/admin/accounts/{id}", new() { ["Input.DisplayName"] = "佐藤", ["Input.Role"] = "viewer" })).Dispose();

        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(await editor.Client.GetAsync("/console/topics/edit")));
    }

    [GeneratedRegex("data-testid=\"temporary-password\">([^<]+)<")]
    private static partial Regex TemporaryPassword();
}

public sealed class AccountAdminTestsOnSqlite() : AccountAdminTests("Sqlite");

public sealed class AccountAdminTestsOnPostgres() : AccountAdminTests("Postgres");
