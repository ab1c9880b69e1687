using System.Net;
using System.Text;
using System.Text.Json;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Privacy;

/// <summary>An admin answers a citizen's 開示・削除請求 in the console: the data as a UTF-8 JSON file, the erasure only when confirmed, each audited.</summary>
public abstract class CitizenDataRequestTests(string provider) : IAsyncLifetime
{
    private const string Page = "/console/admin/citizen-data";
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Disclose_KnownCitizen_JsonFileInUtf8WithTheirQuestionAndAnAuditEntry()
    {
        var chat = await CitizenWhoAskedAsync("U0da7a000000000000000000000000001");
        using var admin = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Admin, "privacy-admin");

        Assert.Contains("data-testid=\"citizen-data\"", await admin.GetPageAsync($"{Page}?userId={chat.UserId}"));
        using var file = await PostAsync(admin, "Disclose", chat.UserId);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json; charset=utf-8", file.Content.Headers.ContentType!.ToString());
        var json = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("和室の予約はできますか", json);
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal(chat.UserId, data.GetProperty("profile").GetProperty("userId").GetString());
        Assert.Equal("citizen_data.disclosed privacy-admin " + chat.UserId, await LastAuditAsync());
    }

    [SkippableFact]
    public async Task Erase_OnlyWhenConfirmed_ErasesAndIsAudited_UnknownIdsChangeNothing()
    {
        var chat = await CitizenWhoAskedAsync("U0da7a000000000000000000000000002");
        using var admin = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Admin, "privacy-admin");

        using (var unconfirmed = await PostAsync(admin, "Erase", chat.UserId))
        {
            Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        }

        Assert.Equal(1L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM consultations WHERE user_id = '{chat.UserId}'"));
        using (var erased = await PostAsync(admin, "Erase", chat.UserId, confirmed: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM consultations WHERE user_id = '{chat.UserId}'"));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
        Assert.Equal("citizen_data.erased privacy-admin " + chat.UserId, await LastAuditAsync());
        var audited = await _host.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log");
        using (var unknown = await PostAsync(admin, "Disclose", "U0da7a0000000000000000000000000ff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        }

        Assert.Contains("このLINEユーザーIDの記録はありません", await admin.GetPageAsync($"{Page}?userId=U0da7a0000000000000000000000000ff"));
        Assert.Equal(audited, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log"));
    }

    private async Task<CitizenChat> CitizenWhoAskedAsync(string userId)
    {
        var chat = _host.Citizen(userId);
        await chat.FollowAsync();
        await chat.TapAsync("v1|ask");
        await chat.SayAsync("和室の予約はできますか");
        return chat;
    }

    private static Task<HttpResponseMessage> PostAsync(ConsoleSession admin, string handler, string userId, bool confirmed = false)
    {
        var fields = new Dictionary<string, string> { ["UserId"] = userId };
        if (confirmed)
        {
            fields["Confirmed"] = "true";
        }

        return admin.PostFormAsync($"{Page}?handler={handler}", fields, $"{Page}?userId={userId}");
    }

    private Task<string> LastAuditAsync() =>
        _host.ScalarAsync<string>("SELECT action || ' ' || actor || ' ' || target FROM audit_log ORDER BY id DESC LIMIT 1");
}

public sealed class CitizenDataRequestTestsOnSqlite() : CitizenDataRequestTests("Sqlite");

public sealed class CitizenDataRequestTestsOnPostgres() : CitizenDataRequestTests("Postgres");
