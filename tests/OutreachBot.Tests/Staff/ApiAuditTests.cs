using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Staff;

/// <summary>
/// Every changing call of the staff API (each POST, PUT, PATCH and DELETE under <c>/api/v1</c> that the OpenAPI
/// document lists) leaves exactly one audit entry, naming the account and key that made it. The table says how to make
/// each call succeed; a changing route without an entry fails the walk, so a new one cannot go unrecorded.
/// </summary>
public abstract class ApiAuditTests(string provider) : IAsyncLifetime
{
    private const string SecondKey = "audit-second-key";

    private const string SecondActor = "second-approver (api:Api:Keys:1)";

    private const string StaffLineUserId = "U5aff00000000000000000000000a0d17";

    private const int MonthlyQuota = 100;

    private const string Follower = "Uaud17f0000000000000000000000001";
    private const string HelpSeeker = "Uaud17f0000000000000000000000002";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Api:Keys:1:Key"] = SecondKey,
        ["Api:Keys:1:Account"] = "second-approver",
        ["Api:Keys:1:Role"] = "approver",
        ["Broadcasts:RequireApproval"] = "true",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
        ["Site:PublicBaseUrl"] = "https://katsudo.city.example.jp/",
    };

    /// <summary>Calls that change nothing, though they are POSTs.</summary>
    private static readonly HashSet<string> Reads = ["POST /api/v1/broadcasts/preview"];

    private ConversationHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _second = null!;
    private AuditWalkSetUp _setUp = null!;
    private long _socialBroadcast;

    /// <summary>Ordered: later calls use what earlier ones made (the broadcast, the event, the FAQ entry).</summary>
    private IReadOnlyList<Call> Table =>
    [
        new("POST /api/v1/topics", "topic.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/topics", new { slug = "audit", names = new { ja = "監査" } })),
        new("PUT /api/v1/topics/{slug}", "topic.updated", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Put, "/api/v1/topics/audit", new { names = new { ja = "監査2" } })),
        new("POST /api/v1/faq", "faq.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/faq", new { language = "ja", keywords = new[] { "駐車場" }, answer = "ありません。" })),
        new("PUT /api/v1/faq/{id}", "faq.updated", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Put, $"/api/v1/faq/{await _setUp.LatestIdAsync("faq_entries")}", new { language = "ja", keywords = new[] { "駐輪場" }, answer = "あります。" })),
        new("POST /api/v1/groups", "group.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/groups", new { name = "監査の会", email = "kansa@example.jp" })),
        new("POST /api/v1/groups/{id}/invitations", "group.invited", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/groups/{await _setUp.LatestIdAsync("civic_groups")}/invitations", new { })),
        new("PUT /api/v1/groups/{id}", "group.profile_published", TestBot.ApiKeyActor, PublishGroupAsync),
        new("POST /api/v1/surveys", "survey.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/surveys", new
        {
            title = "監査",
            questions = new[] { new { kind = "scale", texts = new { ja = "満足度は？" } } },
        })),
        new("PUT /api/v1/surveys/{id}", "survey.changed", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Put, $"/api/v1/surveys/{await _setUp.LatestIdAsync("surveys")}", new
            {
                title = "監査2",
                questions = new[] { new { kind = "scale", texts = new { ja = "満足度は？" } } },
            })),
        new("POST /api/v1/surveys/{id}/send", "broadcast.created", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/surveys/{await _setUp.LatestIdAsync("surveys")}/send", new { target = new { topics = new[] { "audit" } }, draft = true })),
        new("POST /api/v1/surveys/{id}/close", "survey.closed", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/surveys/{await _setUp.LatestIdAsync("surveys")}/close", null)),
        new("POST /api/v1/events", "event.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/events", Event())),
        new("PUT /api/v1/events/{id}", "event.updated", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Put, $"/api/v1/events/{await _setUp.LatestIdAsync("civic_events")}", Event())),
        new("POST /api/v1/events/{id}/applications", "event.application_added", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/events/{await _setUp.LatestIdAsync("civic_events")}/applications", new { name = "富里 花子", phone = "0476-00-0000" })),
        new("POST /api/v1/events/{id}/applications/{number}/attended", "event.attended", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/events/{await _setUp.LatestIdAsync("civic_events")}/applications/1/attended", null)),
        new("POST /api/v1/broadcasts", "broadcast.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/broadcasts", Broadcast(draft: true))),
        new("PUT /api/v1/broadcasts/{id}", "broadcast.updated", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Put, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}", Broadcast(draft: true))),
        new("POST /api/v1/broadcasts/{id}/submit", "broadcast.submitted", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/submit", null)),
        new("POST /api/v1/broadcasts/{id}/sendback", "broadcast.sent_back", SecondActor, async () =>
            await Send(_second, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/sendback", new { comment = "日付を直してください。" })),
        new("POST /api/v1/broadcasts/{id}/approve", "broadcast.approved", SecondActor, ApproveAsync, ResubmitAsync),
        new("POST /api/v1/broadcasts/{id}/test", "broadcast.test_sent", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/test", new { userIds = new[] { StaffLineUserId } }), RegisterStaffLineUserAsync),
        new("POST /api/v1/broadcasts/{id}/cancel", "broadcast.cancelled", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/cancel", null)),
        new("POST /api/v1/inbox/parked/{id}/retry", "inbox.retried", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/inbox/parked/{await _setUp.ParkAsync("audit-parked")}/retry", null)),
        new("POST /api/v1/consultations/{id}/answer", "question.replied", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/consultations/{await _setUp.AskAsync("Uaudit", "audit-question")}/answer", new { text = "お答えします。" })),
        new("DELETE /api/v1/mail-subscribers/{id}", "mail_subscriber.removed", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Delete, $"/api/v1/mail-subscribers/{await MailSubscriberAsync()}", null)),
        new("POST /api/v1/broadcasts/{id}/social/{channel}/edit", "social.edited", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{_socialBroadcast}/social/facebook/edit", new { text = "訂正した本文" }), PublishOnThePageAsync),
        new("DELETE /api/v1/broadcasts/{id}/social/{channel}", "social.deleted", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Delete, $"/api/v1/broadcasts/{_socialBroadcast}/social/facebook", null)),
        new("POST /api/v1/broadcasts/{id}/social/{channel}/decide", "social.decided", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{_socialBroadcast}/social/facebook/decide", new { post = false }),
            () => Database.ExecuteAsync($"UPDATE social_posts SET status = 'needs-check' WHERE broadcast_id = {_socialBroadcast}")),
        new("POST /api/v1/disaster-templates", "disaster_template.created", TestBot.ApiKeyActor, () =>
            Send(_admin, HttpMethod.Post, "/api/v1/disaster-templates", new { name = "避難指示", texts = Disaster.DisasterTemplateTests.Translated("ja") })),
        new("PUT /api/v1/disaster-templates/{id}", "disaster_template.updated", TestBot.ApiKeyActor, async () => await Send(
            _admin, HttpMethod.Put, $"/api/v1/disaster-templates/{await _setUp.LatestIdAsync("disaster_templates")}", new { name = "避難指示", texts = Disaster.DisasterTemplateTests.Translated(Disaster.DisasterTemplateTests.All) })),
        new("DELETE /api/v1/disaster-templates/{id}", "disaster_template.deleted", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Delete, $"/api/v1/disaster-templates/{await _setUp.LatestIdAsync("disaster_templates")}", null)),
        new("POST /api/v1/shelters", "shelter.created", TestBot.ApiKeyActor, () => Send(_admin, HttpMethod.Post, "/api/v1/shelters", Disaster.ShelterApiTests.School())),
        new("PUT /api/v1/shelters/{id}", "shelter.updated", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Put, $"/api/v1/shelters/{await _setUp.LatestIdAsync("shelters")}", Disaster.ShelterApiTests.School(open: true))),
        new("DELETE /api/v1/shelters/{id}", "shelter.deleted", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Delete, $"/api/v1/shelters/{await _setUp.LatestIdAsync("shelters")}", null)),
        new("PUT /api/v1/disaster-mode", "disaster.requested", TestBot.ApiKeyActor, () =>
            Send(_admin, HttpMethod.Put, "/api/v1/disaster-mode", new { active = true, reason = "監査のための訓練ではない申請" })),
        new("POST /api/v1/disaster-mode/safety/{userId}/handled", "safety.handled", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/disaster-mode/safety/{HelpSeeker}/handled?switchId={await _setUp.LatestIdAsync("disaster_switches")}", null),
            () => _setUp.AskForHelpAsync(HelpSeeker)),
        // Last: it uses up the month's quota, which any later send would need.
        new("POST /api/v1/broadcasts/{id}/force", "broadcast.forced", TestBot.ApiKeyActor, async () =>
            await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/force", null), HoldForQuotaAsync),
    ];

    private TestDatabase Database => _host.Database;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync(provider, Settings, new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, MonthlyQuota = MonthlyQuota });
        _setUp = new AuditWalkSetUp(_host, MonthlyQuota);
        _admin = _host.Bot.CreateApiClient();
        _second = _host.Bot.CreateApiClient();
        _second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecondKey);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _second.Dispose();
        await _host.DisposeAsync();
    }

    [SkippableFact]
    public async Task ChangingRoutes_EachHasATableEntry_ANewRouteFailsUntilItIsListed()
    {
        var changing = await ChangingRoutesAsync();

        Assert.Empty(changing.Except(Table.Select(c => c.Route)).Except(Reads));
        Assert.Empty(Table.Select(c => c.Route).Except(changing));
    }

    [SkippableFact]
    public async Task ChangingRoutes_EachSucceeding_LeavesExactlyOneAuditEntryNamingItsActor()
    {
        foreach (var call in Table)
        {
            if (call.Prepare is { } prepare)
            {
                await prepare();
            }

            var before = await CountAsync();
            using var response = await call.Make();
            Assert.True(response.IsSuccessStatusCode, $"{call.Route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

            Assert.Equal(before + 1, await CountAsync());
            Assert.Equal(call.Action, await Database.ScalarAsync<string>("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"));
            Assert.Equal(call.Actor, await Database.ScalarAsync<string>("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1"));
        }
    }

    [SkippableFact]
    public async Task StoringNotAsDraft_CreateThenReplace_EachLeavesOneEntrySayingItWasSubmitted()
    {
        foreach (var (action, store) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            (AuditActions.BroadcastCreated, () => Send(_admin, HttpMethod.Post, "/api/v1/broadcasts", Broadcast(draft: false))),
            (AuditActions.BroadcastUpdated, async () =>
                await Send(_admin, HttpMethod.Put, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}", Broadcast(draft: false))),
        })
        {
            var before = await CountAsync();
            using var response = await store();
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

            Assert.Equal("awaiting_approval", await Database.ScalarAsync<string>("SELECT state FROM broadcasts ORDER BY id DESC LIMIT 1"));
            Assert.Equal(before + 1, await CountAsync());
            Assert.Equal(
                $"{action} {TestBot.ApiKeyActor} 市民活動ニュース ({StaffBroadcasts.SubmittedNote})",
                await Database.ScalarAsync<string>("SELECT action || ' ' || actor || ' ' || detail FROM audit_log ORDER BY id DESC LIMIT 1"));
        }
    }

    private async Task<HashSet<string>> ChangingRoutesAsync()
    {
        using var document = JsonDocument.Parse(await _admin.GetStringAsync("/openapi/v1.json"));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .Where(r => !r.StartsWith("GET ", StringComparison.Ordinal))];
    }

    /// <summary>Staff publish the latest group's profile, choosing a field of activity from the list (kept by admins in the console).</summary>
    private async Task<HttpResponseMessage> PublishGroupAsync()
    {
        await _host.Database.ExecuteAsync("INSERT INTO group_fields (names, position, archived) VALUES ('{\"ja\":\"福祉\"}', 1, FALSE)");
        var field = await _setUp.LatestIdAsync("group_fields");
        return await Send(_admin, HttpMethod.Put, $"/api/v1/groups/{await _setUp.LatestIdAsync("civic_groups")}", new
        {
            name = "監査の会", fields = new[] { field }, descriptions = new { ja = "監査します。" },
        });
    }

    private async Task ResubmitAsync()
    {
        using var resubmitted = await Send(_admin, HttpMethod.Post, $"/api/v1/broadcasts/{await _setUp.LatestIdAsync("broadcasts")}/submit", null);
        Assert.True(resubmitted.IsSuccessStatusCode, await resubmitted.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> ApproveAsync()
    {
        var id = await _setUp.LatestIdAsync("broadcasts");
        var version = JsonNode.Parse(await _admin.GetStringAsync($"/api/v1/broadcasts/{id}"))!["version"]!.GetValue<int>();
        return await Send(_second, HttpMethod.Post, $"/api/v1/broadcasts/{id}/approve", new { version });
    }

    /// <summary>A staff account whose own LINE user id follows the account, as a test send requires.</summary>
    private async Task RegisterStaffLineUserAsync()
    {
        _host.Line.AddFollower(StaffLineUserId);
        var account = await ConsoleSession.CreateAccountAsync(_host.Bot, "audit-tester", StaffRole.Editor);
        await Get<StaffAccountStore>().SetLineUserIdAsync(account.Id, StaffLineUserId, DateTimeOffset.UtcNow, default);
    }

    /// <summary>A broadcast sent at once to a follower while the month's quota is used up, so the fan-out holds it.</summary>
    private async Task HoldForQuotaAsync()
    {
        await _setUp.UseUpQuotaAsync(Follower);

        using var created = await Send(_admin, HttpMethod.Post, "/api/v1/broadcasts", Broadcast(draft: false, at: null));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var approved = await ApproveAsync();
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        await _setUp.WaitUntilHeldAsync(await _setUp.LatestIdAsync("broadcasts"));
    }

    /// <summary>The emulated Page connected and a broadcast posted on it, approved by the second approver.</summary>
    private async Task PublishOnThePageAsync()
    {
        var accounts = _host.Line.Options.Meta;
        Assert.Null(await Get<OutreachBot.Meta.MetaConnections>().ConnectAsync(accounts.PageId, accounts.PageAccessToken, null, new StaffActor("audit-admin", null, null), default));
        var body = new
        {
            title = "市民活動ニュース",
            messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週の市民活動です" }] },
            target = new { topics = new[] { "volunteer" }, match = "any" },
            channels = new[] { "facebook" },
        };
        using var created = await Send(_admin, HttpMethod.Post, "/api/v1/broadcasts", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var approved = await ApproveAsync();
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        _socialBroadcast = await _setUp.LatestIdAsync("broadcasts");
        for (var i = 0; i < 600 && await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM social_posts WHERE broadcast_id = {_socialBroadcast} AND status = 'published'") == 0; i++)
        {
            await Task.Delay(50);
        }
    }

    private T Get<T>()
        where T : notnull => _host.Bot.Services.GetRequiredService<T>();

    private async Task<long> MailSubscriberAsync()
    {
        await Database.ExecuteAsync(
            """
            INSERT INTO mail_subscribers (address, address_key, language, status, source, opted_in_at, created_at, updated_at)
            VALUES ('audit@example.jp', 'audit@example.jp', 'ja', 'confirmed', 'import', 0, 0, 0)
            """);
        return await _setUp.LatestIdAsync("mail_subscribers");
    }

    private Task<long> LatestIdAsync(string table) => Database.ScalarAsync<long>($"SELECT MAX(id) FROM {table}");

    private Task<long> CountAsync() => Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'signin.%'");

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return client.SendAsync(request);
    }

    private static object Event() => new { titles = new { ja = "清掃活動" }, startsAt = "2031-05-01T10:00:00", endsAt = "2031-05-01T12:00:00", venue = "市民会館", capacity = 10 };

    /// <param name="at">When it is sent; null: at once.</param>
    private static object Broadcast(bool draft, string? at = "2031-05-01T09:00:00+09:00") => new
    {
        title = "市民活動ニュース",
        messages = new Dictionary<string, object[]> { ["ja"] = [new { type = "text", text = "今週の市民活動です" }] },
        target = new { topics = new[] { "volunteer" }, match = "any" },
        schedule = at is null ? null : new { at },
        draft,
    };

    /// <param name="Prepare">What the call needs first that is itself a change (and so leaves its own entry).</param>
    private sealed record Call(string Route, string Action, string Actor, Func<Task<HttpResponseMessage>> Make, Func<Task>? Prepare = null);
}

public sealed class ApiAuditTestsOnSqlite() : ApiAuditTests("Sqlite");

public sealed class ApiAuditTestsOnPostgres() : ApiAuditTests("Postgres");
