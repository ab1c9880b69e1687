using System.Net;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public abstract class SignInTests(string provider) : ConsoleHost(provider, new Dictionary<string, string?> { ["Console:MaxFailedSignIns"] = "3" })
{
    [SkippableFact]
    public async Task SignIn_RightPassword_RedirectsToTheDashboardAndAudits()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Editor);
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.SignInAsync("Sato", ConsoleSession.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        Assert.Contains("sato さん", await session.GetPageAsync("/console"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.SignInSucceeded, "sato"));
    }

    [SkippableFact]
    public async Task SignIn_WrongPassword_ShowsTheErrorBesideThePasswordAndAudits()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Editor);
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.SignInAsync("sato", "wrong password!");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-password\"", html);
        Assert.Contains("ユーザー名またはパスワードが違います。", html);
        Assert.Contains("value=\"sato\"", html); // what was typed stays
        Assert.Equal(1, await CountAuditAsync(AuditActions.SignInFailed, "sato"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/console")).StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_UnknownUsername_SaysTheSameAsAWrongPasswordAndAudits()
    {
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.SignInAsync("nobody", "whatever-it-is");

        Assert.Contains("ユーザー名またはパスワードが違います。", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'signin.failed' AND actor IS NULL AND target = 'nobody'"));
    }

    [SkippableFact]
    public async Task SignIn_TooManyWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Editor);
        using var session = ConsoleSession.Anonymous(Bot);

        for (var i = 0; i < 3; i++)
        {
            (await session.SignInAsync("sato", "wrong password " + i)).Dispose();
        }

        using var right = await session.SignInAsync("sato", ConsoleSession.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ロックされています", await right.Content.ReadAsStringAsync());
        Assert.Equal(2, await CountAuditAsync(AuditActions.SignInFailed, "sato"));
        Assert.Equal(2, await CountAuditAsync(AuditActions.SignInLocked, "sato")); // the locking failure and the attempt while locked
    }

    [SkippableFact]
    public async Task SignIn_LockedAccountUnlockedByAdmin_SignsInAgain()
    {
        var sato = await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Editor);
        using var session = ConsoleSession.Anonymous(Bot);
        for (var i = 0; i < 3; i++)
        {
            (await session.SignInAsync("sato", "wrong password " + i)).Dispose();
        }

        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        (await admin.PostFormAsync($"/console/admin/accounts/{sato.Id}?handler=Unlock", [], $"/console/admin/accounts/{sato.Id}")).Dispose();

        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("sato", ConsoleSession.Password)).StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.AccountUnlocked, "admin-user"));
    }

    [SkippableFact]
    public async Task SignIn_BootstrapAdmin_MustChangeThePasswordBeforeAnythingElse()
    {
        using var session = ConsoleSession.Anonymous(Bot);

        using var signIn = await session.SignInAsync("admin", BootstrapPassword);
        using var elsewhere = await session.Client.GetAsync("/console/topics");

        Assert.Equal(StaffCookie.PasswordPath, ConsoleSession.PathOf(signIn));
        Assert.Equal(StaffCookie.PasswordPath, ConsoleSession.PathOf(elsewhere));
        Assert.Contains("はじめてのサインイン", await session.GetPageAsync(StaffCookie.PasswordPath));

        using var change = await session.PostFormAsync(StaffCookie.PasswordPath, new()
        {
            ["Current"] = BootstrapPassword,
            ["New"] = "a much better passphrase",
            ["Confirm"] = "a much better passphrase",
        });

        Assert.Equal("/console", change.Headers.Location?.OriginalString);
        Assert.Contains("パスワードを変更しました。", await session.GetPageAsync("/console"));
        await session.GetPageAsync("/console/topics");
        Assert.Equal(1, await CountAuditAsync(AuditActions.PasswordChanged, "admin"));
        using var again = ConsoleSession.Anonymous(Bot);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync("admin", BootstrapPassword)).StatusCode); // the old one no longer works
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("admin", "a much better passphrase")).StatusCode);
    }

    [SkippableFact]
    public async Task ChangePassword_TooShortOrDifferent_ShowsTheErrorBesideTheField()
    {
        var session = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);
        using var _ = session;

        using var tooShort = await session.PostFormAsync(StaffCookie.PasswordPath, new()
        {
            ["Current"] = ConsoleSession.Password, ["New"] = "short", ["Confirm"] = "short",
        });
        using var different = await session.PostFormAsync(StaffCookie.PasswordPath, new()
        {
            ["Current"] = ConsoleSession.Password, ["New"] = "a long enough phrase", ["Confirm"] = "another long phrase",
        });

        Assert.Contains("id=\"e-new\"", await tooShort.Content.ReadAsStringAsync());
        Assert.Contains("id=\"e-confirm\"", await different.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task BootstrapAdmin_AccountsExist_IsNotCreatedAgain()
    {
        using (var first = Bot.CreateClient())
        {
            await first.GetAsync("/healthz");
        }

        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM staff_accounts"));
        await using var second = World.CreateBot(
            new Dictionary<string, string?> { ["Console:BootstrapAdminPassword"] = "another", ["Console:BootstrapAdminUsername"] = "root" },
            Infrastructure.RecordingHandler.Register);
        using var client = second.CreateClient();
        await client.GetAsync("/healthz");

        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM staff_accounts"));
    }

    [SkippableFact]
    public async Task SignIn_DisabledAccount_IsRefused()
    {
        var sato = await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Editor);
        await Database.ExecuteAsync($"UPDATE staff_accounts SET disabled = {(Database.Provider == "Postgres" ? "TRUE" : "1")} WHERE id = {sato.Id}");
        using var session = ConsoleSession.Anonymous(Bot);

        using var response = await session.SignInAsync("sato", ConsoleSession.Password);

        Assert.Contains("このアカウントは無効です", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Session_AccountDisabledByAnAdmin_EndsAtTheNextRequest()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor, "sato");
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        var id = await Database.ScalarAsync<long>("SELECT id FROM staff_accounts WHERE username = 'sato'");
        await editor.GetPageAsync("/console");

        using var disable = await admin.PostFormAsync($"/console/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "佐藤", ["Input.Role"] = "editor", ["Input.Disabled"] = "true",
        });
        using var after = await editor.Client.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(after));
        Assert.Equal(1, await CountAuditAsync(AuditActions.AccountUpdated, "admin-user"));
    }

    [SkippableFact]
    public async Task SignOut_Post_EndsTheSessionAndAudits()
    {
        using var session = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        using var response = await session.PostFormAsync("/console/signout", [], "/console");

        Assert.Equal(StaffCookie.SignInPath, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/console")).StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.SignOut, "viewer-user"));
    }

    [SkippableFact]
    public async Task SignIn_ReturnUrlOnAnotherSite_GoesToTheDashboardInstead()
    {
        await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Viewer);
        using var session = ConsoleSession.Anonymous(Bot);

        using var offsite = await session.SignInAsync("sato", ConsoleSession.Password, "https://evil.example/");

        Assert.Equal("/console", offsite.Headers.Location?.OriginalString);
    }
}

public sealed class SignInTestsOnSqlite() : SignInTests("Sqlite");

public sealed class SignInTestsOnPostgres() : SignInTests("Postgres");
