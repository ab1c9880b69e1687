using System.Net;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>Citizens' questions reach the inbox through signed webhooks; staff replies reach them through the emulator, over real HTTP.</summary>
public abstract class QuestionInboxTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    private TestDatabase Database => _host.Database;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Inbox_QuestionsOfTwoCitizens_OneRowEachNewestFirstWithTheLatestText()
    {
        var hanako = await AskAsync("Uinbox00000000000000000000000001", "花子", "ボランティア保険について教えてください", "申込書はどこですか");
        var tom = await AskAsync("Uinbox00000000000000000000000002", "Tom", "Where is the center?");
        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer);

        var inbox = await viewer.GetPageAsync("/console/questions");

        Assert.True(inbox.IndexOf("Tom", StringComparison.Ordinal) < inbox.IndexOf("花子", StringComparison.Ordinal), "newest first");
        Assert.Contains("申込書はどこですか", inbox);
        Assert.DoesNotContain("ボランティア保険について", inbox);
        var thread = await viewer.GetPageAsync($"/console/questions/{hanako.UserId}");
        Assert.Contains("ボランティア保険について教えてください", thread);
        Assert.Contains("申込書はどこですか", thread);
        Assert.DoesNotContain("handler=Reply", thread); // a viewer reads only
        Assert.Contains(tom.UserId, inbox);
    }

    [SkippableFact]
    public async Task Inbox_QuestionWithMarkup_IsShownAsText()
    {
        var chat = await AskAsync("Uinboxxss000000000000000000000001", "<b>名前</b>", "<script>alert(1)</script>");
        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer);

        foreach (var page in new[] { "/console/questions", $"/console/questions/{chat.UserId}" })
        {
            var html = await viewer.GetPageAsync(page);
            Assert.DoesNotContain("<script>alert(1)</script>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain("<b>名前</b>", html);
        }
    }

    [SkippableFact]
    public async Task Thread_AssignReplyDone_MovesThroughTheFiltersAndTheReplyReachesTheCitizen()
    {
        var chat = await AskAsync("Uinboxflow0000000000000000000001", "山田", "講座の申し込みはまだ間に合いますか");
        using var editor = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor);
        var thread = $"/console/questions/{chat.UserId}";
        Assert.Contains("山田", await editor.GetPageAsync("/console/questions?status=open"));

        using var assigned = await editor.PostFormAsync($"{thread}?handler=Assign", new() { ["assignee"] = "editor-user" }, thread);
        Assert.Equal(thread, ConsoleSession.PathOf(assigned));
        Assert.DoesNotContain("山田", await editor.GetPageAsync("/console/questions?status=open"));
        Assert.Contains("山田", await editor.GetPageAsync("/console/questions?status=assigned"));

        var key = Guid.NewGuid().ToString();
        using var replied = await editor.PostFormAsync($"{thread}?handler=Reply", new() { ["ReplyText"] = "はい、12月1日まで受け付けています。", ["ReplyKey"] = key }, thread);
        Assert.Equal(thread, ConsoleSession.PathOf(replied));
        var pushed = Sent.Text(chat.All.Where(l => l.Via == "push"));
        Assert.Contains("はい、12月1日まで受け付けています。", pushed);
        Assert.Contains("受付番号", pushed);
        Assert.Equal("answered", await Database.ScalarAsync<string>($"SELECT status FROM consultations WHERE user_id = '{chat.UserId}'"));
        Assert.Contains("はい、12月1日まで受け付けています。", await editor.GetPageAsync(thread));

        (await editor.PostFormAsync($"{thread}?handler=Done", [], thread)).Dispose();
        Assert.Contains("山田", await editor.GetPageAsync("/console/questions?status=done"));
        Assert.DoesNotContain("山田", await editor.GetPageAsync("/console/questions?status=assigned"));

        await chat.SayAsync("もう一つ質問があります");
        Assert.Contains("山田", await editor.GetPageAsync("/console/questions?status=assigned"));

        foreach (var action in new[] { AuditActions.QuestionAssigned, AuditActions.QuestionReplied, AuditActions.QuestionDone })
        {
            Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor = 'editor-user'"));
        }
    }

    [SkippableFact]
    public async Task Thread_AnswerThroughTheApi_IsShownAsAStaffReply()
    {
        var chat = await AskAsync("Uinboxapi00000000000000000000001", "小林", "会議室は予約できますか");
        var id = await Database.ScalarAsync<long>($"SELECT id FROM consultations WHERE user_id = '{chat.UserId}'");
        using var api = _host.Bot.CreateApiClient();

        using var answered = await api.PostAsync($"/api/v1/consultations/{id}/answer", new StringContent(
            """{"text":"はい、窓口で予約できます。"}""", System.Text.Encoding.UTF8, "application/json"));
        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("はい、窓口で予約できます。", await viewer.GetPageAsync($"/console/questions/{chat.UserId}"));
        Assert.Equal(Infrastructure.TestBot.ApiKeyActor, await Database.ScalarAsync<string>("SELECT sent_by FROM consultation_replies"));
    }

    [SkippableFact]
    public async Task Reply_SameFormSentTwice_ReachesTheCitizenOnceAndIsStoredOnce()
    {
        var chat = await AskAsync("Uinboxtwice000000000000000000001", "佐藤", "駐輪場はありますか");
        using var editor = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor);
        var thread = $"/console/questions/{chat.UserId}";
        var form = new Dictionary<string, string> { ["ReplyText"] = "はい、20台分あります。", ["ReplyKey"] = Guid.NewGuid().ToString() };

        (await editor.PostFormAsync($"{thread}?handler=Reply", new(form), thread)).Dispose();
        (await editor.PostFormAsync($"{thread}?handler=Reply", new(form), thread)).Dispose();

        Assert.Single(chat.All, l => l.Via == "push");
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM consultation_replies"));
    }

    [SkippableFact]
    public async Task Reply_Empty_AsksForTextBesideTheField()
    {
        var chat = await AskAsync("Uinboxempty000000000000000000001", "鈴木", "質問です");
        using var editor = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor);
        var thread = $"/console/questions/{chat.UserId}";

        using var response = await editor.PostFormAsync($"{thread}?handler=Reply", new() { ["ReplyText"] = "   " }, thread);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-reply\"", html);
        Assert.DoesNotContain(chat.All, l => l.Via == "push");
    }

    [SkippableFact]
    public async Task Writes_Viewer_AreDeniedAndChangeNothing()
    {
        var chat = await AskAsync("Uinboxviewer00000000000000000001", "高橋", "質問です");
        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer);
        var thread = $"/console/questions/{chat.UserId}";

        using var assign = await viewer.PostFormAsync($"{thread}?handler=Assign", new() { ["assignee"] = "viewer-user" }, thread);
        using var reply = await viewer.PostFormAsync($"{thread}?handler=Reply", new() { ["ReplyText"] = "x" }, thread);
        using var done = await viewer.PostFormAsync($"{thread}?handler=Done", [], thread);

        Assert.All([assign, reply, done], r => Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(r)));
        Assert.Equal("open", await Database.ScalarAsync<string>($"SELECT status FROM consultations WHERE user_id = '{chat.UserId}'"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM consultation_threads"));
        Assert.DoesNotContain(chat.All, l => l.Via == "push");
    }

    [SkippableFact]
    public async Task Dashboard_OpenQuestions_CountedAndLinkedToTheInbox()
    {
        await AskAsync("Uinboxdash00000000000000000000001", "伊藤", "一つ目", "二つ目");
        using var viewer = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Viewer);

        var html = await viewer.GetPageAsync("/console");

        Assert.Matches("data-testid=\"open-questions\">2<", html);
        Assert.Contains("href=\"/console/questions\" data-testid=\"open-questions-link\"", html);
    }

    private async Task<CitizenChat> AskAsync(string userId, string name, params string[] questions)
    {
        var chat = _host.Citizen(userId, name: name);
        await chat.FollowAsync();
        await chat.TapAsync("v1|ask");
        foreach (var question in questions)
        {
            await chat.SayAsync(question);
            await chat.TapAsync("v1|ask");
        }

        return chat;
    }
}

public sealed class QuestionInboxTestsOnSqlite() : QuestionInboxTests("Sqlite");

public sealed class QuestionInboxTestsOnPostgres() : QuestionInboxTests("Postgres");

/// <summary>When LINE refuses the push (the month's messages are used up), staff see LINE's reason and keep their text.</summary>
public sealed class QuestionReplyRefusedTests : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConversationHost.StartAsync("Sqlite", emulator: new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret, MonthlyQuota = 0 });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reply_LineRefuses_ShowsLinesReasonKeepsTheTextAndStoresNothing()
    {
        var chat = _host.Citizen("Uinboxrefused0000000000000000001", name: "中村");
        await chat.FollowAsync();
        await chat.TapAsync("v1|ask");
        await chat.SayAsync("イベントの駐車場はありますか");
        using var editor = await ConsoleSession.SignedInAsync(_host.Bot, StaffRole.Editor);
        var thread = $"/console/questions/{chat.UserId}";
        var key = Guid.NewGuid().ToString();

        using var response = await editor.PostFormAsync($"{thread}?handler=Reply", new() { ["ReplyText"] = "はい、30台分あります。", ["ReplyKey"] = key }, thread);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-reply\"", html);
        Assert.Contains("LINEが送信を受け付けませんでした（429 You have reached your monthly limit.）", html);
        Assert.Contains(">はい、30台分あります。</textarea>", html);
        Assert.Contains($"value=\"{key}\"", html); // sent again, it is the same push
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM consultation_replies"));
        Assert.Equal("open", await _host.ScalarAsync<string>("SELECT status FROM consultations"));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'question.replied'"));
    }
}
