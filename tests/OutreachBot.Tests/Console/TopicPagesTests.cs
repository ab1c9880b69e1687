using System.Net;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public abstract class TopicPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Create_ValidTopic_ListsItAndAudits()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/topics/edit", new()
        {
            ["Input.Slug"] = "sports",
            ["Input.Names[ja]"] = "スポーツ",
            ["Input.Names[en]"] = "Sports",
            ["Input.Descriptions[ja]"] = "市民スポーツ大会など",
            ["Input.Names[vi]"] = "  ",
            ["Input.Order"] = "5",
        });

        Assert.Equal("/console/topics", ConsoleSession.PathOf(response));
        var list = await editor.GetPageAsync("/console/topics");
        Assert.Contains("スポーツ", list);
        Assert.Contains("「スポーツ」を保存しました。", list);
        Assert.Equal("en ja", await Database.ScalarAsync<string>(
            "SELECT MIN(language) || ' ' || MAX(language) FROM topic_texts WHERE topic_id = (SELECT id FROM topics WHERE slug = 'sports')"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicCreated, "editor-user"));
    }

    [SkippableFact]
    public async Task Create_Mistakes_ShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var longName = new string('長', 41);

        using var response = await editor.PostFormAsync("/console/topics/edit", new()
        {
            ["Input.Slug"] = "Bad Slug!",
            ["Input.Names[en]"] = longName,
            ["Input.Descriptions[ja]"] = "説明は残る",
            ["Input.Order"] = "abc",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "slug", "names-ja", "names-en", "order" })
        {
            Assert.Contains($"id=\"e-{field}\"", html);
            Assert.Matches($"aria-describedby=\"[^\"]*e-{field}\"", html);
        }

        Assert.Contains("日本語の名前は必須です。", html);
        Assert.DoesNotContain("A Japanese name is required.", html); // the user's language only
        Assert.Contains("value=\"Bad Slug!\"", html);
        Assert.Contains(longName, html);
        Assert.Contains("説明は残る", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.Equal(0, await CountAuditAsync(AuditActions.TopicCreated));
    }

    [SkippableFact]
    public async Task Create_Mistakes_InEnglish_ShowsEnglishErrors()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        (await editor.PostFormAsync("/console/language", new() { ["language"] = "en", ["returnUrl"] = "/console" }, "/console")).Dispose();

        using var response = await editor.PostFormAsync("/console/topics/edit", new() { ["Input.Slug"] = "ok", ["Input.Order"] = "1" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("A Japanese name is required.", html);
        Assert.DoesNotContain("日本語の名前は必須です。", html);
        Assert.Contains("<html lang=\"en\">", html);
    }

    [SkippableFact]
    public async Task Create_TakenSlug_SaysSoBesideTheSlug()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/topics/edit", new()
        {
            ["Input.Slug"] = "volunteer", ["Input.Names[ja]"] = "別", ["Input.Order"] = "1",
        });

        Assert.Contains("このスラッグはすでに使われています。", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Edit_Translations_ReplacesThemAndKeepsTheSlug()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var form = await editor.GetPageAsync("/console/topics/edit/volunteer");
        Assert.Contains("ボランティア募集", form);

        using var response = await editor.PostFormAsync("/console/topics/edit/volunteer", new()
        {
            ["Input.Slug"] = "changed",
            ["Input.Names[ja]"] = "ボランティア",
            ["Input.Names[vi]"] = "Tình nguyện",
            ["Input.Order"] = "10",
        });

        Assert.Equal("/console/topics", ConsoleSession.PathOf(response));
        Assert.Equal("Tình nguyện", await Database.ScalarAsync<string>(
            "SELECT name FROM topic_texts WHERE language = 'vi' AND topic_id = (SELECT id FROM topics WHERE slug = 'volunteer')"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM topics WHERE slug = 'changed'"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicUpdated, "editor-user"));
    }

    [SkippableFact]
    public async Task Move_Down_SwapsTheTopicWithTheNextAndAudits()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var first = await Database.ScalarAsync<string>("SELECT slug FROM topics ORDER BY sort_order, id LIMIT 1");
        var second = await Database.ScalarAsync<string>("SELECT slug FROM topics ORDER BY sort_order, id LIMIT 1 OFFSET 1");

        using var response = await editor.PostFormAsync("/console/topics?handler=Move", new() { ["slug"] = first, ["direction"] = "down" }, "/console/topics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(second, await Database.ScalarAsync<string>("SELECT slug FROM topics ORDER BY sort_order, id LIMIT 1"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicsReordered, "editor-user"));
    }

    [SkippableFact]
    public async Task Archive_Topic_LeavesTheCitizensListButStaysInTheConsole()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        (await editor.PostFormAsync("/console/topics?handler=Archive", new() { ["slug"] = "volunteer", ["archive"] = "true" }, "/console/topics")).Dispose();

        using var api = Bot.CreateApiClient();
        Assert.DoesNotContain("\"volunteer\"", await api.GetStringAsync("/api/v1/topics?includeArchived=false"));
        Assert.Contains("アーカイブ済み", await editor.GetPageAsync("/console/topics"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicArchived, "editor-user"));
    }

    [SkippableFact]
    public async Task TopicName_WithMarkup_IsShownAsText()
    {
        using var api = Bot.CreateApiClient();
        using var created = await api.PostAsync("/api/v1/topics", new StringContent(
            """{"slug":"xss","names":{"ja":"<script>alert(1)</script>"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        foreach (var page in new[] { "/console/topics", "/console" })
        {
            var html = await viewer.GetPageAsync(page);
            Assert.DoesNotContain("<script>alert(1)</script>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }
}

public sealed class TopicPagesTestsOnSqlite() : TopicPagesTests("Sqlite");

public sealed class TopicPagesTestsOnPostgres() : TopicPagesTests("Postgres");
