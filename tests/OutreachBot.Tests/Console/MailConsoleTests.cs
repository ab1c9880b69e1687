using System.Globalization;
using System.Net;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Staff;
using OutreachBot.Tests.Broadcasts;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>The console's mail parts: a staff member's own address, test sends that mail it there (through smtp4dev), and the composer's mail preview.</summary>
public abstract class MailConsoleTests(string provider) : IAsyncLifetime
{
    private const string StaffLineId = "U5aff00000000000000000000000000ee";
    private Smtp4devServer _smtp = null!;
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _h = await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?>(_smtp.Settings) { ["Site:PublicBaseUrl"] = "https://outreach.city.example.jp/" });
    }

    public async Task DisposeAsync()
    {
        if (_h is not null)
        {
            await _h.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    [SkippableFact]
    public async Task Account_Email_RefusedWhenMalformedThenSetAndClearedEachAuditedOnce()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        using var bad = await editor.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = "Staff <staff@city.example.jp>" }, "/console/account");
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"e-email\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Staff &lt;staff@city.example.jp&gt;\"", badHtml, StringComparison.Ordinal);
        Assert.Null(await EmailAsync("editor-user"));
        Assert.Equal(0, await AuditAsync(AuditActions.StaffEmailChanged));

        using var set = await editor.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = " staff@city.example.jp " }, "/console/account");
        Assert.Equal("/console/account", ConsoleSession.PathOf(set));
        Assert.Equal("staff@city.example.jp", await EmailAsync("editor-user"));
        Assert.Contains("value=\"staff@city.example.jp\"", await editor.GetPageAsync("/console/account"), StringComparison.Ordinal);
        Assert.Equal(1, await AuditAsync(AuditActions.StaffEmailChanged));

        (await editor.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = "" }, "/console/account")).Dispose();
        Assert.Null(await EmailAsync("editor-user"));
        Assert.Equal(2, await AuditAsync(AuditActions.StaffEmailChanged));
        Assert.Equal(0, await AuditAsync(AuditActions.LineUserIdChanged));
    }

    [SkippableFact]
    public async Task TestSend_BroadcastWithTheMailChannel_MailsTheRenderedMailToTheStaffAddressOnlyAndAuditsOnce()
    {
        using var editor = await StaffWithLineIdAsync(email: "staff@city.example.jp");
        var id = await DraftAsync(channels: "line,mail", subjects: """{"ja":"清掃のお知らせ"}""");

        using var sent = await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "me", ["language"] = "ja" }, $"/console/broadcasts/{id}");

        Assert.Equal($"/console/broadcasts/{id}", ConsoleSession.PathOf(sent));
        var mail = Assert.Single(await _smtp.WaitForMessagesAsync(1));
        Assert.Equal("staff@city.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Equal("[テスト / Test] 清掃のお知らせ", mail.Subject);
        Assert.Contains("河川敷の清掃にご協力ください。", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("河川敷の清掃にご協力ください。", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal([StaffLineId], _h.MulticastCounts().Keys);
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastTestSent));
        Assert.Contains("mail to own address", await _h.Database.ScalarAsync<string>($"SELECT detail FROM audit_log WHERE action = '{AuditActions.BroadcastTestSent}'"), StringComparison.Ordinal);
        Assert.Contains("メールを staff@city.example.jp に送りました", await editor.GetPageAsync($"/console/broadcasts/{id}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TestSend_MailChannelButNoAddressSet_IsRefusedAndNothingIsSent()
    {
        using var editor = await StaffWithLineIdAsync(email: null);
        var id = await DraftAsync(channels: "line,mail");

        using var refused = await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "me", ["language"] = "ja" }, $"/console/broadcasts/{id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(TestMailSender.NoAddress.Ja, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(_h.MulticastCounts());
        Assert.Equal(0, await AuditAsync(AuditActions.BroadcastTestSent));
        Assert.Empty(await _smtp.MessagesAsync());
    }

    [SkippableFact]
    public async Task TestSend_BroadcastWithoutTheMailChannel_SendsNoMail()
    {
        using var editor = await StaffWithLineIdAsync(email: "staff@city.example.jp");
        var id = await DraftAsync(channels: "line");

        (await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "me", ["language"] = "ja" }, $"/console/broadcasts/{id}")).Dispose();

        Assert.Equal([StaffLineId], _h.MulticastCounts().Keys);
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastTestSent));
        await Task.Delay(500);
        Assert.Empty(await _smtp.MessagesAsync());
    }

    [SkippableFact]
    public async Task TestSend_ThroughTheApi_MailsTheAddressOfTheKeysOwnAccountOnceItIsSet()
    {
        (await StaffWithLineIdAsync(email: null)).Dispose();
        var id = await DraftAsync(channels: "line,mail");

        var (refused, problem) = await _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { StaffLineId } });
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains(TestMailSender.NoAddress.En, problem!["errors"]!["mail"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_h.MulticastCounts());

        await _h.Database.ExecuteAsync($"UPDATE staff_accounts SET email = 'admin@city.example.jp' WHERE username = '{TestBot.ApiKeyAccount}'");
        var (sent, _) = await _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { StaffLineId } });

        Assert.Equal(200, (int)sent.StatusCode);
        var mail = Assert.Single(await _smtp.WaitForMessagesAsync(1));
        Assert.Equal("admin@city.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Equal(1L, await _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.BroadcastTestSent}' AND actor = '{TestBot.ApiKeyActor}'"));
    }

    [SkippableFact]
    public async Task Compose_MailOffered_ShowsEachLanguagesMailWithItsSubjectInAFrameThatRunsNoScript()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/broadcasts/compose", new()
        {
            ["Input.Title"] = "清掃ボランティア募集",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].MailSubject"] = "清掃のお知らせ",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "<script>alert(1)</script>河川敷の清掃",
            ["Input.Variants[1].Language"] = "en",
            ["Input.Variants[1].MailSubject"] = "Clean-up day",
            ["Input.Variants[1].Slots[0].Type"] = "text",
            ["Input.Variants[1].Slots[0].Text"] = "Riverside clean-up",
            ["Input.Topics"] = "volunteer",
            ["action"] = "estimate",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"mail-preview\"", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\" data-testid=\"mail-subject\">清掃のお知らせ</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\" data-testid=\"mail-subject\">Clean-up day</span>", html, StringComparison.Ordinal);
        var frames = System.Text.RegularExpressions.Regex.Matches(html, "<iframe class=\"mail-frame\" sandbox=\"\" srcdoc=\"([^\"]*)\"");
        Assert.Equal(2, frames.Count);
        var japanese = WebUtility.HtmlDecode(frames[0].Groups[1].Value);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;河川敷の清掃", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", japanese, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Riverside clean-up", WebUtility.HtmlDecode(frames[1].Groups[1].Value), StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Clean-up day\"", html, StringComparison.Ordinal);
        Assert.EndsWith("; style-src-attr 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var list = await editor.Client.GetAsync("/console/broadcasts");
        Assert.DoesNotContain("unsafe-inline", list.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Compose_EditingABroadcastWithMailSubjects_ShowsThemInTheirFields()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await DraftAsync(channels: "line,mail", subjects: """{"ja":"清掃のお知らせ"}""");

        var html = await editor.GetPageAsync($"/console/broadcasts/compose/{id}");

        Assert.Contains("name=\"Input.Variants[0].MailSubject\" value=\"清掃のお知らせ\"", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\" data-testid=\"mail-subject\">清掃のお知らせ</span>", html, StringComparison.Ordinal);
    }

    private async Task<ConsoleSession> StaffWithLineIdAsync(string? email)
    {
        var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        _h.Line.AddFollower(StaffLineId);
        (await editor.PostFormAsync("/console/account", new() { ["LineUserId"] = StaffLineId })).Dispose();
        if (email is not null)
        {
            (await editor.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = email }, "/console/account")).Dispose();
        }

        return editor;
    }

    /// <summary>A draft; its channels and subjects set in storage, as the composer's channel choice (another part of the work) will store them.</summary>
    private async Task<long> DraftAsync(string channels, string? subjects = null)
    {
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true, messages: new() { ["ja"] = [BroadcastHarness.Text("河川敷の清掃にご協力ください。")] }));
        await _h.Database.ExecuteAsync(
            $"UPDATE broadcasts SET channels = '{channels}', mail_subjects = {(subjects is null ? "NULL" : $"'{subjects}'")} WHERE id = {id.ToString(CultureInfo.InvariantCulture)}");
        return id;
    }

    private async Task<string?> EmailAsync(string username) =>
        await _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM staff_accounts WHERE username = '{username}' AND email IS NOT NULL") == 0
            ? null
            : await _h.Database.ScalarAsync<string>($"SELECT email FROM staff_accounts WHERE username = '{username}'");

    private Task<long> AuditAsync(string action) =>
        _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor = 'editor-user'");
}

public sealed class MailConsoleTestsOnSqlite() : MailConsoleTests("Sqlite");

public sealed class MailConsoleTestsOnPostgres() : MailConsoleTests("Postgres");
