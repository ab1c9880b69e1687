using OutreachBot.Profiles.CityLists;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Staff;

/// <summary>The walk's table: who signs in, and how each console form is made to succeed.</summary>
public abstract partial class ConsoleAuditTests
{
    private const string Admin = "walk-admin";
    private const string Approver = "walk-approver";
    private const string Own = "walk-own";
    private const string Door = "walk-door";
    private const string Group = "walk-group";
    private const string StaffLineUserId = "U5aff00000000000000000000000c0501";
    private const string Citizen = "U0c0501000000000000000000000000a1";
    private const string Follower = "U0c0501000000000000000000000000f1";

    private ConsoleSession _admin = null!;
    private ConsoleSession _approver = null!;
    private ConsoleSession _own = null!;
    private ConsoleSession _door = null!;
    private ConsoleSession? _group;
    private string _groupLink = "";

    /// <summary>POSTs that change nothing, with why.</summary>
    private IReadOnlyList<Read> Reads =>
    [
        new("/console/language", "sets only the reader's language cookie", () =>
            _admin.PostFormAsync("/console/language", new() { ["language"] = "en", ["returnUrl"] = "/console" }, "/console")),
        new("/console/broadcasts/compose/{id:long?}", "action=estimate counts recipients and shows cron firings; nothing is stored", () =>
            _admin.PostFormAsync("/console/broadcasts/compose", BroadcastForm("estimate"))),
        new("/console/admin/meta?handler=Check", "reads the Page with the token from the settings; only clears a disconnection that reading disproves", () =>
            _admin.PostFormAsync("/console/admin/meta?handler=Check", [], "/console/admin/meta")),
    ];

    /// <summary>Ordered: later forms use what earlier ones made (the broadcast, the event, the account).</summary>
    private IReadOnlyList<Form> Table =>
    [
        new("/console/signin", AuditActions.SignInSucceeded, Door, () => _door.SignInAsync(Door, ConsoleSession.Password)),
        new("/console/signout", AuditActions.SignOut, Door, () => _door.PostFormAsync("/console/signout", [], "/console")),
        new("/console/account", AuditActions.LineUserIdChanged, Admin, () =>
            _admin.PostFormAsync("/console/account", new() { ["LineUserId"] = StaffLineUserId })),
        new("/console/account?handler=Email", AuditActions.StaffEmailChanged, Admin, () =>
            _admin.PostFormAsync("/console/account?handler=Email", new() { ["Email"] = "walk-admin@city.example.jp" }, "/console/account")),
        new("/console/account?handler=OnDuty", AuditActions.StaffOnDutyChanged, Admin, () =>
            _admin.PostFormAsync("/console/account?handler=OnDuty", new() { ["OnDuty"] = "true" }, "/console/account")),
        new("/console/account/password", AuditActions.PasswordChanged, Own, () => _own.PostFormAsync("/console/account/password", new()
        {
            ["Current"] = ConsoleSession.Password, ["New"] = "a far longer passphrase of 2031", ["Confirm"] = "a far longer passphrase of 2031",
        })),
        new("/console/topics/edit/{slug?}", AuditActions.TopicCreated, Admin, () => _admin.PostFormAsync("/console/topics/edit", TopicForm("walk"))),
        new("/console/topics/edit/{slug?}", AuditActions.TopicUpdated, Admin, () => _admin.PostFormAsync("/console/topics/edit/walk", TopicForm("walk"))),
        new("/console/topics?handler=Move", AuditActions.TopicsReordered, Admin, () =>
            _admin.PostFormAsync("/console/topics?handler=Move", new() { ["slug"] = "walk", ["direction"] = "up" }, "/console/topics")),
        new("/console/topics?handler=Archive", AuditActions.TopicArchived, Admin, () => ArchiveAsync(true)),
        new("/console/topics?handler=Archive", AuditActions.TopicRestored, Admin, () => ArchiveAsync(false)),
        new("/console/faq/edit/{id:long?}", AuditActions.FaqCreated, Admin, () => _admin.PostFormAsync("/console/faq/edit", FaqForm())),
        new("/console/surveys/new", AuditActions.SurveyCreated, Admin, () => _admin.PostFormAsync("/console/surveys/new", SurveyForm())),
        new("/console/surveys/{id:long}?handler=Close", AuditActions.SurveyClosed, Admin, async () =>
            await _admin.PostFormAsync($"/console/surveys/{await LatestIdAsync("surveys")}?handler=Close", new(), $"/console/surveys/{await LatestIdAsync("surveys")}")),
        new("/console/faq/edit/{id:long?}", AuditActions.FaqUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/faq/edit/{await LatestIdAsync("faq_entries")}", FaqForm())),
        new("/console/faq?handler=Delete", AuditActions.FaqDeleted, Admin, async () =>
            await _admin.PostFormAsync("/console/faq?handler=Delete", new() { ["id"] = Text(await LatestIdAsync("faq_entries")) }, "/console/faq")),
        new("/console/events/edit/{id:long?}", AuditActions.EventCreated, Admin, () => _admin.PostFormAsync("/console/events/edit", EventForm())),
        new("/console/events/edit/{id:long?}", AuditActions.EventUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/events/edit/{await LatestIdAsync("civic_events")}", EventForm())),
        new("/console/events/{id:long}?handler=Broadcasts", AuditActions.EventBroadcastsCreated, Admin, () => OnEventAsync("Broadcasts")),
        new("/console/events/{id:long}/roster?handler=Add", AuditActions.EventApplicationAdded, Admin, () => OnRosterAsync("roster", "Add", WalkIn()), TakeApplicationsAsync),
        new("/console/events/{id:long}/roster?handler=Cancel", AuditActions.EventApplicationCancelled, Admin, () => OnRosterAsync("roster", "Cancel", new() { ["number"] = "1" })),
        new("/console/events/{id:long}/roster?handler=Add", AuditActions.EventApplicationAdded, Admin, () => OnRosterAsync("roster", "Add", WalkIn())),
        new("/console/events/{id:long}/door?handler=Attend", AuditActions.EventAttended, Admin, () => OnRosterAsync("door", "Attend", new() { ["number"] = "2" })),
        new("/console/events/{id:long}?handler=Cancel", AuditActions.EventCancelled, Admin, () => OnEventAsync("Cancel")),
        new("/console/broadcasts/compose/{id:long?}", AuditActions.BroadcastCreated, Admin, () => _admin.PostFormAsync("/console/broadcasts/compose", BroadcastForm("draft"))),
        new("/console/broadcasts/compose/{id:long?}", AuditActions.BroadcastUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/broadcasts/compose/{await LatestIdAsync("broadcasts")}", BroadcastForm("draft"))),
        new("/console/broadcasts/{id:long}?handler=Submit", AuditActions.BroadcastSubmitted, Admin, () => OnBroadcastAsync(_admin, "Submit")),
        new("/console/broadcasts/{id:long}/review?handler=SendBack", AuditActions.BroadcastSentBack, Approver, () =>
            OnReviewAsync("SendBack", new() { ["Comment"] = "日付を直してください。" })),
        new("/console/broadcasts/compose/{id:long?}", AuditActions.BroadcastUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/broadcasts/compose/{await LatestIdAsync("broadcasts")}", BroadcastForm("submit"))),
        new("/console/broadcasts/compose/{id:long?}", AuditActions.BroadcastCreated, Admin, () => _admin.PostFormAsync("/console/broadcasts/compose", BroadcastForm("submit"))),
        new("/console/broadcasts/{id:long}/review?handler=Approve", AuditActions.BroadcastApproved, Approver, ApproveAsync),
        new("/console/broadcasts/{id:long}?handler=Test", AuditActions.BroadcastTestSent, Admin, () =>
            OnBroadcastAsync(_admin, "Test", new() { ["to"] = "me", ["language"] = "ja" }), FollowAsStaff),
        new("/console/broadcasts/{id:long}?handler=Cancel", AuditActions.BroadcastCancelled, Admin, () => OnBroadcastAsync(_admin, "Cancel")),
        new("/console/parked?handler=Retry", AuditActions.ParkedEventRetried, Admin, async () =>
            await _admin.PostFormAsync("/console/parked?handler=Retry", new() { ["id"] = Text(await _setUp.ParkAsync("walk-parked")) }, "/console/parked")),
        new("/console/questions/{userId}?handler=Assign", AuditActions.QuestionAssigned, Admin, () => OnThreadAsync("Assign", new() { ["assignee"] = Admin }), () => _setUp.AskAsync(Citizen, "walk-question")),
        new("/console/questions/{userId}?handler=Reply", AuditActions.QuestionReplied, Admin, () =>
            OnThreadAsync("Reply", new() { ["ReplyText"] = "お答えします。", ["ReplyKey"] = Guid.NewGuid().ToString() })),
        new("/console/questions/{userId}?handler=Done", AuditActions.QuestionDone, Admin, () => OnThreadAsync("Done", [])),
        new("/console/questions/{userId}?handler=Reopen", AuditActions.QuestionReopened, Admin, () => OnThreadAsync("Reopen", [])),
        new("/console/admin/accounts/new", AuditActions.AccountCreated, Admin, () => _admin.PostFormAsync("/console/admin/accounts/new", new()
        {
            ["Input.Username"] = "walk-new", ["Input.DisplayName"] = "新しい職員", ["Input.Role"] = StaffRoles.Editor,
        })),
        new("/console/admin/accounts/{id:long}", AuditActions.AccountUpdated, Admin, () => OnNewAccountAsync(null, new()
        {
            ["Input.DisplayName"] = "新しい職員", ["Input.Role"] = StaffRoles.Viewer,
        })),
        new("/console/admin/accounts/{id:long}?handler=Reset", AuditActions.AccountPasswordReset, Admin, () => OnNewAccountAsync("Reset", [])),
        new("/console/admin/accounts/{id:long}?handler=Unlock", AuditActions.AccountUnlocked, Admin, () => OnNewAccountAsync("Unlock", [])),
        new("/console/admin/apikeys?handler=Create", AuditActions.ApiKeyCreated, Admin, () =>
            _admin.PostFormAsync("/console/admin/apikeys?handler=Create", new() { ["Name"] = "walk-key" }, "/console/admin/apikeys")),
        new("/console/admin/apikeys?handler=Revoke", AuditActions.ApiKeyRevoked, Admin, async () =>
            await _admin.PostFormAsync("/console/admin/apikeys?handler=Revoke", new() { ["id"] = Text(await LatestIdAsync("api_keys")) }, "/console/admin/apikeys")),
        new("/console/admin/mail-subscribers/import", AuditActions.MailSubscribersImported, Admin, () =>
            _admin.PostFileAsync("/console/admin/mail-subscribers/import", "file", "list.csv", "address,language,topics,opted_in_at\nwalk@example.jp,ja,volunteer,2024-04-01\n"u8.ToArray())),
        new("/console/admin/mail-subscribers?handler=Remove", AuditActions.MailSubscriberRemoved, Admin, async () =>
            await _admin.PostFormAsync("/console/admin/mail-subscribers?handler=Remove", new() { ["id"] = Text(await LatestIdAsync("mail_subscribers")) }, "/console/admin/mail-subscribers")),
        new("/console/admin/citizen-data?handler=Disclose", AuditActions.CitizenDataDisclosed, Admin, () => OnCitizenDataAsync("Disclose", [])),
        new("/console/admin/citizen-data?handler=Erase", AuditActions.CitizenDataErased, Admin, () => OnCitizenDataAsync("Erase", new() { ["Confirmed"] = "true" })),
        new("/console/admin/city-lists?handler=Add", CityListStore.Added, Admin, () => OnCityListAsync("Add", new() { ["list"] = "Skills", ["key"] = "walking", ["name"] = "散歩", ["names[en]"] = "Walking" })),
        new("/console/admin/city-lists?handler=Rename", CityListStore.Renamed, Admin, async () => await OnCityListAsync("Rename", new() { ["list"] = "Skills", ["id"] = Text(await LatestIdAsync("city_skills")), ["name"] = "ウォーキング" })),
        new("/console/admin/city-lists?handler=Retire", CityListStore.Retired, Admin, async () => await OnCityListAsync("Retire", new() { ["list"] = "Skills", ["id"] = Text(await LatestIdAsync("city_skills")), ["retire"] = "true" })),
        new("/console/admin/city-lists?handler=Retire", CityListStore.Restored, Admin, async () => await OnCityListAsync("Retire", new() { ["list"] = "Skills", ["id"] = Text(await LatestIdAsync("city_skills")), ["retire"] = "false" })),
        new("/console/admin/meta?handler=Connect", AuditActions.MetaConnected, Admin, () => _admin.PostFormAsync("/console/admin/meta?handler=Connect", new()
        {
            ["PageId"] = _host.Line.Options.Meta.PageId, ["PageAccessToken"] = _host.Line.Options.Meta.PageAccessToken,
        }, "/console/admin/meta")),
        new("/console/broadcasts/{id:long}/social?handler=Edit", AuditActions.SocialPostEdited, Admin, () => OnSocialAsync("Edit", new() { ["text"] = "訂正しました" }), PublishOnThePageAsync),
        new("/console/broadcasts/{id:long}/social?handler=Delete", AuditActions.SocialPostDeleted, Admin, () => OnSocialAsync("Delete", [])),
        new("/console/broadcasts/{id:long}/social?handler=Decide", AuditActions.SocialPostDecided, Admin, () => OnSocialAsync("Decide", new() { ["post"] = "false" }), async () =>
            await Database.ExecuteAsync("UPDATE social_posts SET status = 'needs-check'")),
        new("/console/admin/meta?handler=Disconnect", AuditActions.MetaDisconnected, Admin, () =>
            _admin.PostFormAsync("/console/admin/meta?handler=Disconnect", [], "/console/admin/meta")),
        new("/console/disaster/templates/edit/{id:long?}", AuditActions.DisasterTemplateCreated, Admin, () =>
            _admin.PostFormAsync("/console/disaster/templates/edit", TemplateForm())),
        new("/console/disaster/templates/edit/{id:long?}", AuditActions.DisasterTemplateUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/disaster/templates/edit/{await LatestIdAsync("disaster_templates")}", TemplateForm())),
        new("/console/disaster/templates?handler=Delete", AuditActions.DisasterTemplateDeleted, Admin, async () => await _admin.PostFormAsync(
            "/console/disaster/templates?handler=Delete", new() { ["id"] = Text(await LatestIdAsync("disaster_templates")) }, "/console/disaster/templates")),
        new("/console/disaster/shelters/edit/{id:long?}", AuditActions.ShelterCreated, Admin, () =>
            _admin.PostFormAsync("/console/disaster/shelters/edit", ShelterForm())),
        new("/console/disaster/shelters/edit/{id:long?}", AuditActions.ShelterUpdated, Admin, async () =>
            await _admin.PostFormAsync($"/console/disaster/shelters/edit/{await LatestIdAsync("shelters")}", ShelterForm())),
        new("/console/disaster/shelters?handler=Open", AuditActions.ShelterOpened, Admin, async () => await _admin.PostFormAsync(
            "/console/disaster/shelters?handler=Open", new() { ["id"] = Text(await LatestIdAsync("shelters")), ["open"] = "true" }, "/console/disaster/shelters")),
        new("/console/disaster/shelters?handler=Delete", AuditActions.ShelterDeleted, Admin, async () => await _admin.PostFormAsync(
            "/console/disaster/shelters?handler=Delete", new() { ["id"] = Text(await LatestIdAsync("shelters")) }, "/console/disaster/shelters")),
        new("/console/disaster", AuditActions.DisasterModeRequested, Admin, () =>
            _admin.PostFormAsync("/console/disaster", new() { ["mode"] = "on", ["Reason"] = "総合防災訓練の前の確認" }, "/console/disaster")),
        new("/console/disaster/safety?handler=Handled", AuditActions.SafetyHandled, Admin, async () => await _admin.PostFormAsync(
            "/console/disaster/safety?handler=Handled", new() { ["userId"] = Citizen, ["switchId"] = Text(await LatestIdAsync("disaster_switches")) }, "/console/disaster/safety"), () => _setUp.AskForHelpAsync(Citizen)),
        new("/console/admin/group-fields", AuditActions.GroupFieldsChanged, Admin, () =>
            _admin.PostFormAsync("/console/admin/group-fields", new() { ["Names[ja]"] = "福祉", ["Names[en]"] = "Welfare" })),
        new("/console/groups", AuditActions.GroupCreated, Admin, () =>
            _admin.PostFormAsync("/console/groups", new() { ["Input.Name"] = "歩く会", ["Input.Email"] = "walk-group@example.jp" })),
        new("/console/groups/{id:long}?handler=Invite", AuditActions.GroupInvited, Admin, () => OnGroupAsync("Invite")),
        new("/console/group/join", AuditActions.GroupJoined, Group, JoinGroupAsync, InviteGroupAsync),
        new("/console/group", AuditActions.GroupProfileSubmitted, Group, async () => await _group!.PostFormAsync("/console/group", new()
        {
            ["Input.Name"] = "歩く会", ["Input.Fields"] = Text(await LatestIdAsync("group_fields")), ["Input.Descriptions[ja]"] = "毎週歩きます。",
        })),
        new("/console/groups/{id:long}?handler=Approve", AuditActions.GroupProfileApproved, Approver, () => OnGroupAsync("Approve", _approver)),
        // Last: it uses up the month's quota, which any later send would need.
        new("/console/broadcasts/{id:long}?handler=Force", AuditActions.BroadcastForced, Admin, () => OnBroadcastAsync(_admin, "Force"), HoldForQuotaAsync),
    ];

    private Task<HttpResponseMessage> OnCityListAsync(string handler, Dictionary<string, string> fields) =>
        _admin.PostFormAsync($"/console/admin/city-lists?handler={handler}", fields, "/console/admin/city-lists");

    private async Task SignInAsync()
    {
        _admin = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Admin, Admin);
        _approver = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Approver, Approver);
        _own = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor, Own);
        await ConsoleSession.CreateAccountAsync(_host.Bot, Door, StaffRole.Viewer);
        _door = ConsoleSession.Anonymous(_host.Bot);
    }

    private Task FollowAsStaff()
    {
        _host.Line.AddFollower(StaffLineUserId);
        return Task.CompletedTask;
    }

    private async Task InviteGroupAsync() =>
        (_, _groupLink) = await OutreachBot.Tests.Groups.GroupConsole.InviteAsync(_admin, "歩く会", "walk-group@example.jp");

    private async Task<HttpResponseMessage> JoinGroupAsync()
    {
        _group = ConsoleSession.Anonymous(_host.Bot);
        return await _group.PostFormAsync(
            _groupLink, new() { ["Username"] = Group, ["Password"] = ConsoleSession.Password, ["Confirm"] = ConsoleSession.Password }, _groupLink);
    }

    private async Task<HttpResponseMessage> OnGroupAsync(string handler, ConsoleSession? session = null)
    {
        var page = $"/console/groups/{await LatestIdAsync("civic_groups")}";
        return await (session ?? _admin).PostFormAsync($"{page}?handler={handler}", [], page);
    }

    private void DisposeSessions()
    {
        foreach (var session in new[] { _admin, _approver, _own, _door, _group })
        {
            session?.Dispose();
        }
    }

    private Task<HttpResponseMessage> ArchiveAsync(bool archive) =>
        _admin.PostFormAsync("/console/topics?handler=Archive", new() { ["slug"] = "walk", ["archive"] = archive ? "true" : "false" }, "/console/topics");

    private async Task<HttpResponseMessage> OnEventAsync(string handler)
    {
        var page = $"/console/events/{await LatestIdAsync("civic_events")}";
        return await _admin.PostFormAsync($"{page}?handler={handler}", [], page);
    }

    /// <summary>Posts to the roster or the door page with a token from the event's page: reading the roster is itself audited.</summary>
    private async Task<HttpResponseMessage> OnRosterAsync(string page, string handler, Dictionary<string, string> fields)
    {
        var eventPage = $"/console/events/{await LatestIdAsync("civic_events")}";
        return await _admin.PostFormAsync($"{eventPage}/{page}?handler={handler}", fields, eventPage);
    }

    private async Task TakeApplicationsAsync() =>
        await Database.ExecuteAsync($"UPDATE civic_events SET capacity = 10 WHERE id = {await LatestIdAsync("civic_events")}");

    private static Dictionary<string, string> WalkIn() => new() { ["WalkIn.Name"] = "富里 花子", ["WalkIn.Phone"] = "0476-00-0000", ["WalkIn.PartySize"] = "1" };

    private async Task<HttpResponseMessage> OnBroadcastAsync(ConsoleSession session, string handler, Dictionary<string, string>? fields = null)
    {
        var page = $"/console/broadcasts/{await LatestIdAsync("broadcasts")}";
        return await session.PostFormAsync($"{page}?handler={handler}", fields ?? [], page);
    }

    private async Task<HttpResponseMessage> OnReviewAsync(string handler, Dictionary<string, string> fields)
    {
        var page = $"/console/broadcasts/{await LatestIdAsync("broadcasts")}/review";
        return await _approver.PostFormAsync($"{page}?handler={handler}", fields, page);
    }

    private async Task<HttpResponseMessage> ApproveAsync()
    {
        var version = await Database.ScalarAsync<long>($"SELECT version FROM broadcasts WHERE id = {await LatestIdAsync("broadcasts")}");
        return await OnReviewAsync("Approve", new() { ["Version"] = Text(version) });
    }

    private async Task<HttpResponseMessage> OnNewAccountAsync(string? handler, Dictionary<string, string> fields)
    {
        var page = $"/console/admin/accounts/{await LatestIdAsync("staff_accounts")}";
        return await _admin.PostFormAsync(handler is null ? page : $"{page}?handler={handler}", fields, page);
    }

    private Task<HttpResponseMessage> OnCitizenDataAsync(string handler, Dictionary<string, string> fields) =>
        _admin.PostFormAsync($"/console/admin/citizen-data?handler={handler}", new(fields) { ["UserId"] = Citizen }, $"/console/admin/citizen-data?userId={Citizen}");

    private async Task<HttpResponseMessage> OnSocialAsync(string handler, Dictionary<string, string> fields)
    {
        var page = $"/console/broadcasts/{await LatestIdAsync("broadcasts")}/social";
        return await _admin.PostFormAsync($"{page}?handler={handler}", new(fields) { ["channel"] = "facebook" }, page);
    }

    /// <summary>A run of the latest broadcast whose Facebook post is published on the emulated Page, as the publisher records one.</summary>
    private async Task PublishOnThePageAsync()
    {
        var broadcast = await LatestIdAsync("broadcasts");
        var post = _host.Line.Meta.AddPost("市民活動ニュース", null, null);
        await Database.ExecuteAsync(
            $"INSERT INTO broadcast_runs (broadcast_id, occurrence, status, messages, key_nonce, fired_at) VALUES ({broadcast}, 1, 'sent', '{{}}', 'walk', 0)");
        await Database.ExecuteAsync(
            $"INSERT INTO social_posts (run_id, broadcast_id, channel, status, message, post_id, due_at) VALUES ({await LatestIdAsync("broadcast_runs")}, {broadcast}, 'facebook', 'published', '市民活動ニュース', '{post.Id}', 0)");
    }

    private Task<HttpResponseMessage> OnThreadAsync(string handler, Dictionary<string, string> fields) =>
        _admin.PostFormAsync($"/console/questions/{Citizen}?handler={handler}", fields, $"/console/questions/{Citizen}");

    /// <summary>A broadcast sent at once to a follower while the month's quota is used up, so the fan-out holds it.</summary>
    private async Task HoldForQuotaAsync()
    {
        await _setUp.UseUpQuotaAsync(Follower);
        using var submitted = await _admin.PostFormAsync("/console/broadcasts/compose", BroadcastForm("submit", now: true));
        using var approved = await ApproveAsync();
        Assert.Equal("/console/broadcasts/approvals", ConsoleSession.PathOf(approved));
        await _setUp.WaitUntilHeldAsync(await LatestIdAsync("broadcasts"));
    }

    private static Dictionary<string, string> TopicForm(string slug) => new()
    {
        ["Input.Slug"] = slug, ["Input.Names[ja]"] = "見回り", ["Input.Order"] = "50",
    };

    private static Dictionary<string, string> SurveyForm() => new()
    {
        ["Input.Title"] = "満足度調査", ["Input.Questions[0].Kind"] = "scale", ["Input.Questions[0].Texts[ja]"] = "満足度は？",
    };

    private static Dictionary<string, string> FaqForm() => new()
    {
        ["Input.Language"] = "ja", ["Input.Keywords"] = "駐車場", ["Input.Answer"] = "30台分あります。",
    };

    private static Dictionary<string, string> TemplateForm() => new()
    {
        ["Input.Name"] = "避難指示", ["Input.Texts[ja].Title"] = "避難指示", ["Input.Texts[ja].Body"] = "高台へ避難してください。",
    };

    private static Dictionary<string, string> ShelterForm() => new()
    {
        ["Input.Names[ja]"] = "中央小学校", ["Input.Address"] = "中央区本町1-2-3", ["Input.Latitude"] = "35.6812", ["Input.Longitude"] = "139.7671",
        ["Input.Kind"] = "designated-shelter",
    };

    private static Dictionary<string, string> EventForm() => new()
    {
        ["Input.Titles[ja]"] = "清掃活動",
        ["Input.StartDate"] = Local(TimeSpan.FromDays(10), "yyyy-MM-dd"),
        ["Input.StartTime"] = "13:30",
        ["Input.Venue"] = "市民会館",
        ["Input.Topic"] = "volunteer",
    };

    /// <param name="action">draft, submit or estimate.</param>
    /// <param name="now">Sent at once rather than two days from now.</param>
    private static Dictionary<string, string> BroadcastForm(string action, bool now = false) => new()
    {
        ["Input.Title"] = "市民活動ニュース",
        ["Input.Variants[0].Language"] = "ja",
        ["Input.Variants[0].Slots[0].Type"] = "text",
        ["Input.Variants[0].Slots[0].Text"] = "今週の市民活動です",
        ["Input.Topics"] = "volunteer",
        ["Input.Match"] = "any",
        ["Input.Schedule"] = now ? "now" : "at",
        ["Input.At"] = Local(TimeSpan.FromDays(2), "yyyy-MM-dd'T'HH:mm"),
        ["action"] = action,
    };

    private static string Local(TimeSpan from, string format) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + from, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
