using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Mail;
using OutreachBot.MailSubscribers;
using OutreachBot.Pages.Admin;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>Admins' pages for e-mail subscribers: the list with its filters, removing one, and importing a list from CSV.</summary>
public abstract class MailSubscriberAdminTests(string provider) : ConsoleHost(provider)
{
    private const string ListPage = "/console/admin/mail-subscribers";
    private const string ImportPage = "/console/admin/mail-subscribers/import";

    [SkippableFact]
    public async Task List_FilteredByStatusAndTopic_ShowsMatchingSubscribersWithTheirFailures()
    {
        await ConfirmedAsync("volunteer-fan@example.jp", "volunteer");
        await ConfirmedAsync("events-fan@example.jp", "events");
        await PendingAsync("waiting@example.jp", "volunteer");
        var suppression = Bot.Services.GetRequiredService<MailSuppression>();
        for (var i = 0; i < MailSuppression.FailuresInARow; i++)
        {
            await suppression.RecordPermanentFailureAsync("events-fan@example.jp", "550 5.1.1 mailbox unavailable", DateTimeOffset.UtcNow, default);
        }

        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        var all = await admin.GetPageAsync(ListPage);
        var confirmedVolunteers = await admin.GetPageAsync(ListPage + "?status=confirmed&topic=volunteer");
        var suppressed = await admin.GetPageAsync(ListPage + "?status=suppressed");

        Assert.Contains("volunteer-fan@example.jp", all);
        Assert.Contains("waiting@example.jp", all);
        Assert.Contains("events-fan@example.jp", all);
        Assert.Contains("volunteer-fan@example.jp", confirmedVolunteers);
        Assert.DoesNotContain("waiting@example.jp", confirmedVolunteers);
        Assert.DoesNotContain("events-fan@example.jp", confirmedVolunteers);
        Assert.Contains("events-fan@example.jp", suppressed);
        Assert.Contains("550 5.1.1 mailbox unavailable", suppressed);
        Assert.DoesNotContain("volunteer-fan@example.jp", suppressed);
    }

    [SkippableFact]
    public async Task List_MoreThanAPage_PagesThroughFifty()
    {
        for (var i = 0; i < MailSubscribersModel.PageSize + 1; i++)
        {
            await PendingAsync($"many{i:D2}@example.jp", "volunteer");
        }

        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        var first = await admin.GetPageAsync(ListPage);
        var second = await admin.GetPageAsync(ListPage + "?p=2");

        Assert.DoesNotContain("many00@example.jp", first);
        Assert.Contains("many50@example.jp", first);
        Assert.Contains("many00@example.jp", second);
        Assert.DoesNotContain("many50@example.jp", second);
    }

    [SkippableFact]
    public async Task Remove_BySomeAdmin_ErasesTheAddressClosesPeriodsAndAuditsOnceNamingThem()
    {
        var id = await ConfirmedAsync("remove-me@example.jp", "volunteer");
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        using var response = await admin.PostFormAsync($"{ListPage}?handler=Remove", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ListPage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers WHERE address IS NULL AND status = 'unsubscribed'"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions WHERE ended_at IS NULL"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.MailSubscriberRemoved, "admin-user"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.MailSubscriberRemoved));
    }

    [SkippableFact]
    public async Task Pages_Editor_Forbidden()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var list = await editor.Client.GetAsync(ListPage);
        using var import = await editor.Client.GetAsync(ImportPage);

        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, import.StatusCode);
    }

    [SkippableFact]
    public async Task Import_CsvWithBom_ConfirmsNewOnesSendsNothingAndReportsPresentAndRejectedLines()
    {
        await PendingAsync("known@example.jp", "volunteer");
        const string csv =
            """
            address,language,topics,opted_in_at
            first@example.jp,en,volunteer;events,2024-04-01
            second@example.jp,,npo-news subsidies,2024-05-01T09:00:00+09:00
            known@example.jp,ja,volunteer,2024-04-01
            not-an-address,ja,volunteer,2024-04-01
            third@example.jp,xx,volunteer,2024-04-01
            fourth@example.jp,ja,no-such-topic,2024-04-01
            fifth@example.jp,ja,volunteer,someday
            FIRST@example.jp,ja,volunteer,2024-04-01
            """;
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        var page = await ImportAsync(admin, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);

        Assert.Contains("取り込み 2件、登録済み 2件、不可 4件", page);
        Assert.Contains("5行目", page);
        Assert.Contains("6行目", page);
        Assert.Contains("no-such-topic", page);
        Assert.Contains("8行目", page);
        Assert.Equal(2, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers WHERE source = 'import' AND status = 'confirmed' AND opted_in_at IS NOT NULL"));
        Assert.Equal("en", await Database.ScalarAsync<string>("SELECT language FROM mail_subscribers WHERE address_key = 'first@example.jp'"));
        Assert.Equal(4, await Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM mail_subscriptions p JOIN mail_subscribers s ON s.id = p.subscriber_id WHERE s.source = 'import' AND p.ended_at IS NULL"));
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 15, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), // midnight in Asia/Tokyo
            await Database.ScalarAsync<long>("SELECT opted_in_at FROM mail_subscribers WHERE address_key = 'first@example.jp'"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            await Database.ScalarAsync<long>("SELECT opted_in_at FROM mail_subscribers WHERE address_key = 'second@example.jp'"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.MailSubscribersImported, "admin-user"));
    }

    [SkippableFact]
    public async Task Import_WithoutBomOrHeader_ReportsLineOne()
    {
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        var page = await ImportAsync(admin, Encoding.UTF8.GetBytes("someone@example.jp,ja,volunteer,2024-04-01\n"));

        Assert.Contains("1行目", page);
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Api_ListFilteredThenDelete_RemovesOnceThen404()
    {
        var id = await ConfirmedAsync("api-list@example.jp", "volunteer");
        await PendingAsync("api-pending@example.jp", "events");
        using var api = Bot.CreateApiClient();

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/mail-subscribers?status=confirmed&topic=volunteer");
        using var deleted = await api.DeleteAsync($"/api/v1/mail-subscribers/{id}");
        using var again = await api.DeleteAsync($"/api/v1/mail-subscribers/{id}");
        using var bad = await api.GetAsync("/api/v1/mail-subscribers?status=whatever");

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("api-list@example.jp", item.GetProperty("address").GetString());
        Assert.Equal("volunteer", Assert.Single(item.GetProperty("topics").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.MailSubscriberRemoved, TestBot.ApiKeyActor));
    }

    private static async Task<string> ImportAsync(ConsoleSession admin, byte[] file)
    {
        using var response = await admin.PostFileAsync(ImportPage, "file", "list.csv", file);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        return System.Net.WebUtility.HtmlDecode(page);
    }

    private async Task<long> PendingAsync(string address, params string[] slugs)
    {
        var topics = Bot.Services.GetRequiredService<TopicStore>();
        var ids = new List<long>();
        foreach (var slug in slugs)
        {
            ids.Add((await topics.FindAsync(slug, default))!.Id);
        }

        return (await Bot.Services.GetRequiredService<MailSubscriberStore>().RequestAsync(address, "ja", ids, DateTimeOffset.UtcNow, default)).Id;
    }

    private async Task<long> ConfirmedAsync(string address, params string[] slugs)
    {
        var id = await PendingAsync(address, slugs);
        Assert.True(await Bot.Services.GetRequiredService<MailSubscriberStore>().ConfirmAsync(id, 1, DateTimeOffset.UtcNow, default));
        return id;
    }
}

public sealed class MailSubscriberAdminTestsOnSqlite() : MailSubscriberAdminTests("Sqlite");

public sealed class MailSubscriberAdminTestsOnPostgres() : MailSubscriberAdminTests("Postgres");
