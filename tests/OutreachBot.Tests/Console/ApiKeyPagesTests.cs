using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public abstract partial class ApiKeyPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task CreateThenRevoke_Key_WorksOnTheApiUntilRevoked()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var created = await admin.PostFormAsync("/console/admin/apikeys?handler=Create", new() { ["Name"] = "市のホームページ連携" }, "/console/admin/apikeys");
        var key = CreatedKey().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var api = Bot.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        Assert.StartsWith("obk_", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/topics")).StatusCode);
        var list = await admin.GetPageAsync("/console/admin/apikeys");
        Assert.Contains("市のホームページ連携", list);
        Assert.DoesNotContain(key, list); // shown once only
        Assert.Equal(0L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM api_keys WHERE key_hash = '{key}'"));

        var id = await Database.ScalarAsync<long>("SELECT id FROM api_keys WHERE name = '市のホームページ連携'");
        (await admin.PostFormAsync("/console/admin/apikeys?handler=Revoke", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/console/admin/apikeys")).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/topics")).StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.ApiKeyCreated, "admin-user"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.ApiKeyRevoked, "admin-user"));
    }

    [SkippableFact]
    public async Task Create_TakenName_SaysSoBesideTheName()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        (await admin.PostFormAsync("/console/admin/apikeys?handler=Create", new() { ["Name"] = "same" }, "/console/admin/apikeys")).Dispose();

        using var again = await admin.PostFormAsync("/console/admin/apikeys?handler=Create", new() { ["Name"] = "same" }, "/console/admin/apikeys");

        Assert.Contains("id=\"e-name\"", await again.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task ApiChanges_ByAKey_AreAuditedUnderTheKeysName()
    {
        using var api = Bot.CreateApiClient();

        using var response = await api.PostAsync("/api/v1/topics", new StringContent(
            """{"slug":"sports","names":{"ja":"スポーツ"}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicCreated, Infrastructure.TestBot.ApiKeyActor));
    }

    [SkippableFact]
    public async Task Create_ForAnotherAccount_ActsWithThatAccountsCurrentRoleUntilItIsDisabled()
    {
        var sato = await ConsoleSession.CreateAccountAsync(Bot, "sato", StaffRole.Viewer);
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);
        using var created = await admin.PostFormAsync(
            "/console/admin/apikeys?handler=Create",
            new() { ["Name"] = "佐藤さんの集計", ["AccountId"] = sato.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/console/admin/apikeys");
        var key = CreatedKey().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var api = Bot.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var accounts = Bot.Services.GetRequiredService<StaffAccountStore>();
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/topics", Topic("as-viewer"))).StatusCode);
        await accounts.UpdateAsync(sato.Id, sato.DisplayName, StaffRole.Editor, disabled: false, now, default);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/topics", Topic("as-editor"))).StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicCreated, "sato (api:佐藤さんの集計)"));
        await accounts.UpdateAsync(sato.Id, sato.DisplayName, StaffRole.Editor, disabled: true, now, default);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/topics")).StatusCode);
        Assert.Matches("<th scope=\"row\">佐藤さんの集計</th>\\s*<td>sato", await admin.GetPageAsync("/console/admin/apikeys"));
    }

    [SkippableFact]
    public async Task Key_WithoutAnOwner_DoesNotWork()
    {
        // A key stored before keys had owners, whose maker the audit log does not know.
        using var api = Bot.CreateClient();
        await Database.ExecuteAsync(
            "INSERT INTO api_keys (name, key_hash, created_at) VALUES ('old', '" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("old-key"u8)) + "', 0)");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "old-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/topics")).StatusCode);
    }

    private static StringContent Topic(string slug) =>
        new("{\"slug\":\"" + slug + "\",\"names\":{\"ja\":\"トピック\"}}", System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("data-testid=\"created-key\" class=\"key\">([^<]+)<")]
    private static partial Regex CreatedKey();
}

public sealed class ApiKeyPagesTestsOnSqlite() : ApiKeyPagesTests("Sqlite");

public sealed class ApiKeyPagesTestsOnPostgres() : ApiKeyPagesTests("Postgres");
