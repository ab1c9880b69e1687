using System.Globalization;
using System.Net;
using System.Text;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Broadcasts;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>The console's broadcast pages over the broadcast service: compose, approve or send back, cancel, test-send, export.</summary>
public abstract class BroadcastPagesTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;

    protected virtual Dictionary<string, string?> Settings => new() { ["Broadcasts:RequireApproval"] = "true" };

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, Settings);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Later(TimeSpan from) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + from, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A valid compose form: one Japanese text to volunteer subscribers, two days from now; <paramref name="changes"/> override fields.</summary>
    private static Dictionary<string, string> Form(string action, Dictionary<string, string>? changes = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "清掃ボランティア募集",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "河川敷の清掃にご協力ください。",
            ["Input.Topics"] = "volunteer",
            ["Input.Match"] = "any",
            ["Input.Schedule"] = "at",
            ["Input.At"] = Later(TimeSpan.FromDays(2)),
            ["action"] = action,
        };
        foreach (var (key, value) in changes ?? [])
        {
            form[key] = value;
        }

        return form;
    }

    private static async Task<long> ComposeAsync(ConsoleSession session, string action, Dictionary<string, string>? changes = null)
    {
        using var response = await session.PostFormAsync("/console/broadcasts/compose", Form(action, changes));
        var path = ConsoleSession.PathOf(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"compose answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return long.Parse(path!.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<string> StateAsync(long id) => _h.Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {id}");

    private async Task<string> VersionAsync(long id) =>
        (await _h.Database.ScalarAsync<long>($"SELECT version FROM broadcasts WHERE id = {id}")).ToString(CultureInfo.InvariantCulture);

    /// <summary>Approves as a browser does: with the version its review page showed, in the page's hidden field.</summary>
    private static async Task<HttpResponseMessage> ApproveAsync(ConsoleSession session, long id, string? page = null)
    {
        var review = $"/console/broadcasts/{id}/review";
        var version = ShownVersion(page ?? await session.GetPageAsync(review));
        return await session.PostFormAsync(review + "?handler=Approve", new() { ["Version"] = version }, review);
    }

    private static string ShownVersion(string reviewPage)
    {
        var match = System.Text.RegularExpressions.Regex.Match(reviewPage, "name=\"Version\" value=\"(\\d+)\"");
        Assert.True(match.Success, "the review page shows no version to approve");
        return match.Groups[1].Value;
    }

    private Task<long> AuditAsync(string action, string actor) =>
        _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor = '{actor}'");

    [SkippableFact]
    public async Task Compose_Draft_StoresItUnderTheStaffIdentityAndAudits()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        var id = await ComposeAsync(editor, "draft");

        Assert.Equal("draft", await StateAsync(id));
        Assert.Equal("staff:editor-user", await _h.Database.ScalarAsync<string>($"SELECT author FROM broadcasts WHERE id = {id}"));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastCreated, "editor-user"));
        var page = await editor.GetPageAsync($"/console/broadcasts/{id}");
        Assert.Contains("河川敷の清掃にご協力ください。", page);
        Assert.Contains("data-status=\"draft\"", page);
    }

    [SkippableFact]
    public async Task Compose_Mistakes_ShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var tooLong = new string('あ', 5001);

        using var response = await editor.PostFormAsync("/console/broadcasts/compose", Form("submit", new()
        {
            ["Input.Title"] = "",
            ["Input.Variants[0].Slots[0].Text"] = tooLong,
            ["Input.Variants[1].Language"] = "en",
            ["Input.Variants[1].Slots[0].Type"] = "card",
            ["Input.Variants[1].Slots[0].CardTitle"] = "River clean-up",
            ["Input.Variants[1].Slots[0].CardStartsAt"] = Later(TimeSpan.FromDays(3)),
            ["Input.Variants[1].Slots[0].CardUrl"] = "http://example.org/plain-http",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "title", "messages-ja[0]-text", "messages-en[0]-url" })
        {
            Assert.Contains($"id=\"e-{field}\"", html);
        }

        Assert.Contains("タイトル（100文字以内）を入力してください。", html);
        Assert.DoesNotContain("A title of at most", html);
        Assert.Contains(tooLong, html);
        Assert.Contains("value=\"River clean-up\"", html);
        Assert.Contains("value=\"http://example.org/plain-http\"", html);
        Assert.Equal(0, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    [SkippableFact]
    public async Task Compose_Cron_ShowsTheNextFiveFiringsInJst()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/broadcasts/compose", Form("estimate", new()
        {
            ["Input.Schedule"] = "cron",
            ["Input.Cron"] = "0 0 10 ? * MON",
        }));
        var html = await response.Content.ReadAsStringAsync();
        using var json = await editor.Client.GetAsync("/console/broadcasts/compose?handler=Cron&cron=" + Uri.EscapeDataString("0 30 9 * * ?"));

        var firings = System.Text.RegularExpressions.Regex.Matches(html, @"<li>(\d{4}-\d{2}-\d{2} 10:00)</li>");
        Assert.Equal(5, firings.Count);
        Assert.All(firings, f => Assert.Equal(DayOfWeek.Monday, DateTime.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture).DayOfWeek));
        Assert.Contains("09:30", await json.Content.ReadAsStringAsync());
        Assert.Equal(0, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    [SkippableFact]
    public async Task Compose_BeforeAnEvent_OffersUpcomingEventsByNameAndStoresTheChosenOne()
    {
        var events = _h.Get<OutreachBot.CivicEvents.CivicEventStore>();
        var startsAt = DateTimeOffset.UtcNow.AddDays(7);
        var cleanUp = await events.CreateAsync(
            new(new Dictionary<string, string> { ["ja"] = "川辺の清掃活動" }, startsAt, null, "市民会館", null, null, "volunteer"),
            DateTimeOffset.UtcNow, default);
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        var page = await editor.GetPageAsync("/console/broadcasts/compose");
        var id = await ComposeAsync(editor, "draft", new()
        {
            ["Input.Schedule"] = "event", ["Input.At"] = "", ["Input.EventId"] = cleanUp!.Value.ToString(CultureInfo.InvariantCulture), ["Input.HoursBefore"] = "24",
        });

        Assert.Contains($"<option value=\"{cleanUp}\">", page, StringComparison.Ordinal);
        Assert.Contains("川辺の清掃活動", page, StringComparison.Ordinal);
        var schedule = (await _h.GetAsync(id))["schedule"]!;
        Assert.Equal(cleanUp.Value.ToString(CultureInfo.InvariantCulture), schedule["beforeEvent"]!["eventId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Compose_Estimate_CountsTheTargetsRecipients()
    {
        await _h.SeedAsync("volunteer", 3);
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);

        var json = await editor.GetPageAsync("/console/broadcasts/compose?handler=Estimate&topic=volunteer&match=any");

        Assert.StartsWith("配信対象 3 人", System.Text.Json.Nodes.JsonNode.Parse(json)!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Roles_Viewer_ReadsButCannotComposeApproveOrCancel()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "submit");
        using var viewer = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Viewer);

        Assert.Contains("清掃ボランティア募集", await viewer.GetPageAsync("/console/broadcasts"));
        Assert.Contains("清掃ボランティア募集", await viewer.GetPageAsync($"/console/broadcasts/{id}"));
        foreach (var path in new[] { "/console/broadcasts/compose", "/console/broadcasts/approvals", $"/console/broadcasts/{id}/review" })
        {
            using var get = await viewer.Client.GetAsync(path);
            Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(get));
        }

        using var cancel = await viewer.PostFormAsync($"/console/broadcasts/{id}?handler=Cancel", [], $"/console/broadcasts/{id}");
        Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(cancel));
        Assert.Equal("awaiting_approval", await StateAsync(id));
    }

    [SkippableFact]
    public async Task Approve_ByItsAuthor_IsRefused_ByAnotherApprover_SchedulesIt()
    {
        using var author = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver, "author-approver");
        var id = await ComposeAsync(author, "submit");
        using var other = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver, "other-approver");

        Assert.Contains("data-testid=\"own-broadcast\"", await author.GetPageAsync($"/console/broadcasts/{id}/review"));
        using var own = await author.PostFormAsync(
            $"/console/broadcasts/{id}/review?handler=Approve", new() { ["Version"] = await VersionAsync(id) }, $"/console/broadcasts/{id}/review");
        Assert.Contains("この配信を作成または編集した人は承認できません。", await own.Content.ReadAsStringAsync());
        Assert.Equal("awaiting_approval", await StateAsync(id));

        Assert.Contains("清掃ボランティア募集", await other.GetPageAsync("/console/broadcasts/approvals"));
        using var approved = await ApproveAsync(other, id);

        Assert.Equal("/console/broadcasts/approvals", ConsoleSession.PathOf(approved));
        Assert.Equal("scheduled", await StateAsync(id));
        Assert.Equal("staff:other-approver", await _h.Database.ScalarAsync<string>($"SELECT approved_by FROM broadcasts WHERE id = {id}"));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastApproved, "other-approver"));
        var byAuthor = $"FROM audit_log WHERE actor = 'author-approver' AND target = 'broadcast:{id}'";
        Assert.Equal(1, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) " + byAuthor));
        Assert.Equal(
            $"{AuditActions.BroadcastCreated} 清掃ボランティア募集 ({StaffBroadcasts.SubmittedNote})",
            await _h.Database.ScalarAsync<string>("SELECT action || ' ' || detail " + byAuthor));
    }

    [SkippableFact]
    public async Task Approve_ConsoleAndApi_AreOneRuleAndOneAuditLog()
    {
        var id = await _h.CreateAsync(new
        {
            title = "API で作成",
            messages = new Dictionary<string, object> { ["ja"] = new[] { new { type = "text", text = "本文" } } },
            target = new { topics = new[] { "volunteer" } },
            schedule = new { at = Later(TimeSpan.FromDays(2)) },
        });
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);

        using var approved = await ApproveAsync(approver, id);
        var (byKey, _) = await _h.PostAsync($"/api/v1/broadcasts/{id}/cancel", new { });

        Assert.Equal("/console/broadcasts/approvals", ConsoleSession.PathOf(approved));
        Assert.Equal("staff:" + TestBot.ApiKeyAccount, await _h.Database.ScalarAsync<string>($"SELECT author FROM broadcasts WHERE id = {id}"));
        Assert.True(byKey.IsSuccessStatusCode);
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastCreated, TestBot.ApiKeyActor));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastApproved, "approver-user"));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastCancelled, TestBot.ApiKeyActor));
    }

    [SkippableFact]
    public async Task SendBack_WithAComment_ReturnsADraftThatShowsTheComment()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "submit");
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);

        using var empty = await approver.PostFormAsync($"/console/broadcasts/{id}/review?handler=SendBack", new() { ["Comment"] = " " }, $"/console/broadcasts/{id}/review");
        Assert.Contains("id=\"e-comment\"", await empty.Content.ReadAsStringAsync());
        using var sent = await approver.PostFormAsync(
            $"/console/broadcasts/{id}/review?handler=SendBack", new() { ["Comment"] = "日時を<b>土曜</b>に変えてください" }, $"/console/broadcasts/{id}/review");

        Assert.Equal("/console/broadcasts/approvals", ConsoleSession.PathOf(sent));
        Assert.Equal("draft", await StateAsync(id));
        var draft = await editor.GetPageAsync($"/console/broadcasts/compose/{id}");
        Assert.Contains("data-testid=\"review-comment\"", draft);
        Assert.Contains("日時を&lt;b&gt;土曜&lt;/b&gt;に変えてください", draft);
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastSentBack, "approver-user"));
    }

    [SkippableFact]
    public async Task Cancel_Scheduled_RemovesItsTriggerAndAudits()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "submit");
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);
        (await ApproveAsync(approver, id)).Dispose();
        Assert.NotNull(await _h.Get<BroadcastScheduling>().NextFireAsync(id, default));

        using var cancel = await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Cancel", [], $"/console/broadcasts/{id}");

        Assert.Equal($"/console/broadcasts/{id}", ConsoleSession.PathOf(cancel));
        Assert.Equal("cancelled", await StateAsync(id));
        Assert.Null(await _h.Get<BroadcastScheduling>().NextFireAsync(id, default));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastCancelled, "editor-user"));
    }

    [SkippableFact]
    public async Task Deliver_Approved_IsSentAndCountedOnItsPage()
    {
        var citizens = await _h.SeedAsync("volunteer", 3);
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "submit", new() { ["Input.Schedule"] = "now" });
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);

        (await ApproveAsync(approver, id)).Dispose();
        await _h.WaitForStatusAsync(id, "sent");

        Assert.Equal(citizens.Order(), _h.MulticastCounts().Keys.Order());
        var page = await editor.GetPageAsync($"/console/broadcasts/{id}");
        Assert.Contains("data-count=\"accepted\">3<", page);
        Assert.Contains("data-status=\"sent\"", page);
    }

    [SkippableFact]
    public async Task TestSend_ToMe_NeedsMyLineUserIdThenReachesIt()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "draft");
        Assert.Contains("data-testid=\"no-line-id\"", await editor.GetPageAsync($"/console/broadcasts/{id}"));
        using var without = await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "me" }, $"/console/broadcasts/{id}");
        Assert.Contains("あなたのLINEユーザーIDが登録されていません。", await without.Content.ReadAsStringAsync());

        using var bad = await editor.PostFormAsync("/console/account", new() { ["LineUserId"] = "not-an-id" });
        Assert.Contains("id=\"e-lineUserId\"", await bad.Content.ReadAsStringAsync());
        var mine = "U" + new string('a', 32);
        _h.Line.AddFollower(mine);
        (await editor.PostFormAsync("/console/account", new() { ["LineUserId"] = mine })).Dispose();
        using var sent = await editor.PostFormAsync($"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "me", ["language"] = "ja" }, $"/console/broadcasts/{id}");

        Assert.Equal($"/console/broadcasts/{id}", ConsoleSession.PathOf(sent));
        Assert.Equal([mine], _h.MulticastCounts().Keys);
        Assert.Equal("draft", await StateAsync(id));
        Assert.Equal(1, await AuditAsync(AuditActions.BroadcastTestSent, "editor-user"));
    }

    [SkippableFact]
    public async Task TestSend_ToACitizensUserId_IsRefusedBesideTheFormAndNothingIsSent()
    {
        var citizen = (await _h.SeedAsync("volunteer", 1))[0];
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var id = await ComposeAsync(editor, "draft");

        using var refused = await editor.PostFormAsync(
            $"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "list", ["UserIds"] = citizen, ["language"] = "ja" }, $"/console/broadcasts/{id}");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("テスト送信は職員のLINEユーザーID", html);
        Assert.Contains(citizen, html);
        Assert.Empty(_h.MulticastCounts());
        Assert.Equal(0, await AuditAsync(AuditActions.BroadcastTestSent, "editor-user"));
    }

    [SkippableFact]
    public async Task Csv_Results_HasABomAndARowPerBroadcast()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        await ComposeAsync(editor, "draft", new() { ["Input.Title"] = "=SUM(A1), 危ない題名" });

        using var response = await editor.Client.GetAsync("/console/export/broadcasts.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("ID,タイトル / Title,状態 / Status,", lines[0]);
        Assert.Contains("\"'=SUM(A1), 危ない題名\",draft,", lines[1]);
    }

    [SkippableFact]
    public async Task Scheduled_IsOnItsCalendarDayInJstAndNextOnTheDashboard()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var at = Later(TimeSpan.FromDays(2));
        var id = await ComposeAsync(editor, "submit", new() { ["Input.At"] = at });
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);
        (await ApproveAsync(approver, id)).Dispose();

        var html = await editor.GetPageAsync($"/console/broadcasts/calendar?month={at[..7]}");

        Assert.Matches($"data-day=\"{at[..10]}\">\\s*<span class=\"day-number\">\\d+</span>\\s*<a class=\"calendar-entry\" data-status=\"scheduled\" href=\"/console/broadcasts/{id}\">{at[11..]} ", html);
        Assert.Matches($"data-testid=\"next-broadcasts\">\\s*<li>{at.Replace('T', ' ')} <a href=\"/console/broadcasts/{id}\">", await editor.GetPageAsync("/console"));
    }
}

public sealed class BroadcastPagesTestsOnSqlite() : BroadcastPagesTests("Sqlite");

public sealed class BroadcastPagesTestsOnPostgres() : BroadcastPagesTests("Postgres");

/// <summary>Quiet hours all day long, so any time is inside them.</summary>
public abstract class BroadcastQuietHoursTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(
        provider, new Dictionary<string, string?> { ["Broadcasts:QuietHoursStart"] = "00:00", ["Broadcasts:QuietHoursEnd"] = "23:59" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task Compose_InsideQuietHours_IsRefusedUnlessUrgent()
    {
        using var editor = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Editor);
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "夜の配信",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "避難所を開設しました。",
            ["Input.Topics"] = "volunteer",
            ["Input.Schedule"] = "now",
            ["action"] = "submit",
        };

        using var refused = await editor.PostFormAsync("/console/broadcasts/compose", new(form));
        form["Input.Urgent"] = "true";
        using var urgent = await editor.PostFormAsync("/console/broadcasts/compose", new(form));

        Assert.Contains("配信停止時間帯", await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"e-schedule\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, urgent.StatusCode);
        Assert.Equal(1L, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts WHERE urgent = " + (provider == "Postgres" ? "TRUE" : "1")));
    }
}

public sealed class BroadcastQuietHoursTestsOnSqlite() : BroadcastQuietHoursTests("Sqlite");

public sealed class BroadcastQuietHoursTestsOnPostgres() : BroadcastQuietHoursTests("Postgres");
