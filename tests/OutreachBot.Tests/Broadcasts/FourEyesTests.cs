using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>
/// The four-eyes rule compares people, and an approval names the text it read: nobody who wrote or edited a broadcast
/// approves it, whichever key or console session they use, and an approval of an older version approves nothing.
/// </summary>
public abstract class FourEyesTests(string provider) : IAsyncLifetime
{
    /// <summary>A second key of the person who holds <see cref="TestBot.ApiKey"/> (the admin).</summary>
    private const string AdminsOtherKey = "admins-other-key";
    private const string ViewerKey = "viewer-system-key";
    private const string EditorKey = "editor-system-key";

    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Broadcasts:RequireApproval"] = "true",
        ["Api:Keys:2:Key"] = AdminsOtherKey,
        ["Api:Keys:2:Account"] = TestBot.ApiKeyAccount,
        ["Api:Keys:2:Role"] = "approver",
        ["Api:Keys:3:Key"] = ViewerKey,
        ["Api:Keys:3:Account"] = "viewer-system",
        ["Api:Keys:3:Role"] = "viewer",
        ["Api:Keys:4:Key"] = EditorKey,
        ["Api:Keys:4:Account"] = "editor-system",
        ["Api:Keys:4:Role"] = "editor",
    });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static object Draft(string text) => BroadcastHarness.Broadcast(
        "volunteer",
        new { at = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) },
        new Dictionary<string, object[]> { ["ja"] = [BroadcastHarness.Text(text)] });

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body, string key, string? ifMatch = null)
    {
        using var client = _h.Bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 || !text.StartsWith('{') ? null : JsonNode.Parse(text));
    }

    private Task<(HttpResponseMessage Response, JsonNode? Body)> ApproveAsync(long id, string key, long? version) =>
        SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/approve", version is null ? null : new { version }, key);

    private async Task AssertNotApprovedAsync(long id)
    {
        Assert.Equal("awaiting_approval", await _h.Database.ScalarAsync<string>($"SELECT state FROM broadcasts WHERE id = {id}"));
        Assert.Equal(0L, await _h.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM broadcasts WHERE id = {id} AND approved_by IS NOT NULL"));
    }

    /// <summary>Gives an account made for an API key a console password and signs it in: the same person, in the console.</summary>
    private async Task<ConsoleSession> SignInAsAsync(string username)
    {
        var accounts = _h.Get<StaffAccountStore>();
        var account = (await accounts.FindAsync(username, default))!;
        await accounts.SetPasswordAsync(account.Id, _h.Get<StaffPasswords>().Hash(ConsoleSession.Password), false, DateTimeOffset.UtcNow, default);
        var session = ConsoleSession.Anonymous(_h.Bot);
        using var signedIn = await session.SignInAsync(username, ConsoleSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return session;
    }

    [SkippableFact]
    public async Task Approve_ByAKeyThatEditedAnothersDraft_IsRefusedInTheApiAndTheConsole()
    {
        var id = await _h.CreateAsync(Draft("元の文面"));
        var (edited, view) = await SendAsync(HttpMethod.Put, $"/api/v1/broadcasts/{id}", Draft("別の人が書き換えた文面"), BroadcastHarness.SecondApiKey);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var version = view!.Number("version");

        var (byApi, problem) = await ApproveAsync(id, BroadcastHarness.SecondApiKey, version);
        using var console = await SignInAsAsync("second-approver");
        var review = await console.GetPageAsync($"/console/broadcasts/{id}/review");
        using var byConsole = await console.PostFormAsync(
            $"/console/broadcasts/{id}/review?handler=Approve", new() { ["Version"] = version.ToString(CultureInfo.InvariantCulture) }, $"/console/broadcasts/{id}/review");

        Assert.Equal(HttpStatusCode.Forbidden, byApi.StatusCode);
        Assert.Contains("作成または編集した人は承認できません", problem!.Text("title"), StringComparison.Ordinal);
        Assert.Contains("wrote or edited", problem!.Text("title"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"own-broadcast\"", review);
        Assert.DoesNotContain("name=\"Version\"", review);
        Assert.Contains("この配信を作成または編集した人は承認できません。", await byConsole.Content.ReadAsStringAsync());
        await AssertNotApprovedAsync(id);
        Assert.Equal(["staff:admin", "staff:second-approver"], view!["editors"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
        Assert.Contains("second-approver", await console.GetPageAsync($"/console/broadcasts/{id}"));
    }

    [SkippableFact]
    public async Task Approve_ThroughASecondKeyOfTheAuthor_IsRefused()
    {
        var id = await _h.CreateAsync(Draft("管理者が書いた文面"));
        var version = (await _h.GetAsync(id)).Number("version");

        var (refused, _) = await ApproveAsync(id, AdminsOtherKey, version);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await AssertNotApprovedAsync(id);
    }

    [SkippableFact]
    public async Task Approve_InTheConsoleByThePersonWhoseKeyWroteIt_IsRefused()
    {
        // A person's key and their console session are one person.
        var id = await _h.CreateAsync(Draft("コンソールで書いた文面"), AdminsOtherKey);
        var version = (await _h.GetAsync(id)).Number("version");
        using var admin = await SignInAsAsync(TestBot.ApiKeyAccount);

        using var approved = await admin.PostFormAsync(
            $"/console/broadcasts/{id}/review?handler=Approve", new() { ["Version"] = version.ToString(CultureInfo.InvariantCulture) }, $"/console/broadcasts/{id}/review");

        Assert.Contains("この配信を作成または編集した人は承認できません。", await approved.Content.ReadAsStringAsync());
        await AssertNotApprovedAsync(id);
    }

    [SkippableFact]
    public async Task Approve_StaleVersion_IsRefusedAndNothingIsApproved()
    {
        var id = await _h.CreateAsync(Draft("承認者が読んだ文面"));
        using var client = _h.Bot.CreateApiClient();
        using var read = await client.GetAsync($"/api/v1/broadcasts/{id}");
        var seen = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.Number("version");
        var (edited, _) = await SendAsync(HttpMethod.Put, $"/api/v1/broadcasts/{id}", Draft("読んだ後に書き換えた文面"), TestBot.ApiKey);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var (stale, problem) = await ApproveAsync(id, BroadcastHarness.SecondApiKey, seen);
        var (staleTag, _) = await SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/approve", null, BroadcastHarness.SecondApiKey, $"\"{seen}\"");
        var (noVersion, unnamed) = await ApproveAsync(id, BroadcastHarness.SecondApiKey, null);

        Assert.Equal($"\"{seen}\"", read.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("あなたが読んだ後に変更されました", problem!.Text("title"), StringComparison.Ordinal);
        Assert.Contains("changed after you read it", problem!.Text("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleTag.StatusCode);
        Assert.Equal((HttpStatusCode)428, noVersion.StatusCode);
        Assert.Contains("version", unnamed!.Text("title"), StringComparison.Ordinal);
        await AssertNotApprovedAsync(id);

        var current = (await _h.GetAsync(id)).Number("version");
        var (approved, view) = await SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/approve", null, BroadcastHarness.SecondApiKey, $"\"{current}\"");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("scheduled", view!.Text("status"));
        Assert.Equal("staff:second-approver", view!.Text("approvedBy"));
    }

    [SkippableFact]
    public async Task Approve_InTheConsoleAfterAnEditSinceThePageOpened_IsRefusedAndShowsTheNewText()
    {
        var id = await _h.CreateAsync(Draft("承認者が読んだ文面"));
        using var approver = await ConsoleSession.SignedInAsync(_h.Bot, StaffRole.Approver);
        var review = await approver.GetPageAsync($"/console/broadcasts/{id}/review");
        var seen = System.Text.RegularExpressions.Regex.Match(review, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var (edited, _) = await SendAsync(HttpMethod.Put, $"/api/v1/broadcasts/{id}", Draft("読んだ後に書き換えた文面"), TestBot.ApiKey);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        using var stale = await approver.PostFormAsync(
            $"/console/broadcasts/{id}/review?handler=Approve", new() { ["Version"] = seen }, $"/console/broadcasts/{id}/review");
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Contains("あなたが読んだ後に変更されました", html);
        Assert.Contains("読んだ後に書き換えた文面", html);
        await AssertNotApprovedAsync(id);
    }

    [SkippableFact]
    public async Task Keys_ActWithTheirAccountsRole()
    {
        var id = await _h.CreateAsync(Draft("役割の確認"));
        var version = (await _h.GetAsync(id)).Number("version");

        var (viewerCreates, _) = await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", Draft("閲覧者の配信"), ViewerKey);
        var (viewerReads, _) = await SendAsync(HttpMethod.Get, $"/api/v1/broadcasts/{id}", null, ViewerKey);
        var (viewerTopic, _) = await SendAsync(HttpMethod.Post, "/api/v1/topics", new { slug = "viewer-topic", names = new { ja = "閲覧者" } }, ViewerKey);
        var (editorApproves, _) = await ApproveAsync(id, EditorKey, version);
        var (editorSendsBack, _) = await SendAsync(HttpMethod.Post, $"/api/v1/broadcasts/{id}/sendback", new { comment = "直して" }, EditorKey);
        var (editorTopic, _) = await SendAsync(HttpMethod.Post, "/api/v1/topics", new { slug = "editor-topic", names = new { ja = "編集者" } }, EditorKey);

        Assert.Equal(HttpStatusCode.Forbidden, viewerCreates.StatusCode);
        Assert.Equal(1L, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
        Assert.Equal(HttpStatusCode.OK, viewerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerTopic.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorSendsBack.StatusCode);
        await AssertNotApprovedAsync(id);
        Assert.Equal(HttpStatusCode.Created, editorTopic.StatusCode);
    }

    [SkippableFact]
    public async Task Keys_OfADisabledAccount_StopWorkingAtOnce()
    {
        var accounts = _h.Get<StaffAccountStore>();
        var editor = (await accounts.FindAsync("editor-system", default))!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/v1/broadcasts", null, EditorKey)).Response.StatusCode);

        await accounts.UpdateAsync(editor.Id, editor.DisplayName, editor.Role, disabled: true, DateTimeOffset.UtcNow, default);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/v1/broadcasts", null, EditorKey)).Response.StatusCode);
    }
}

public sealed class FourEyesTestsOnSqlite() : FourEyesTests("Sqlite");

public sealed class FourEyesTestsOnPostgres() : FourEyesTests("Postgres");
