using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Consultations;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

public abstract class FaqPagesTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Create_ValidEntry_AnswersMatchingQuestionsAndAudits()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);

        using var response = await editor.PostFormAsync("/console/faq/edit", new()
        {
            ["Input.Language"] = "ja",
            ["Input.Keywords"] = "駐車場\nＰＡＲＫＩＮＧ、ちゅうしゃじょう",
            ["Input.Answer"] = "センターの駐車場は30台分あります（無料）。",
        });

        Assert.Equal("/console/faq", ConsoleSession.PathOf(response));
        var match = await Bot.Services.GetRequiredService<FaqStore>().MatchAsync("ja", "parkingはありますか", default);
        Assert.Equal("センターの駐車場は30台分あります（無料）。", match?.Answer);
        Assert.Equal(["parking", "ちゅうしゃじょう", "駐車場"], match!.Keywords.Order(StringComparer.Ordinal));
        Assert.Contains("30台分", await editor.GetPageAsync("/console/faq"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.FaqCreated, "editor-user"));
    }

    [SkippableFact]
    public async Task Create_Mistakes_ShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped()
    {
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        var longAnswer = new string('答', FaqApi.MaxAnswerLength + 1);

        using var response = await editor.PostFormAsync("/console/faq/edit", new()
        {
            ["Input.Language"] = "ja",
            ["Input.Keywords"] = "駐\n申込",
            ["Input.Answer"] = longAnswer,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"e-keywords\"", html);
        Assert.Contains("id=\"e-answer\"", html);
        Assert.Contains("キーワードは2〜50文字です。", html);
        Assert.Matches(">駐(\n|&#xA;)申込</textarea>", html);
        Assert.Contains(longAnswer, html);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM faq_entries"));
    }

    [SkippableFact]
    public async Task EditThenDelete_Entry_ChangesItThenRemovesItAndAuditsBoth()
    {
        var id = await Bot.Services.GetRequiredService<FaqStore>().CreateAsync(new FaqDraft("en", ["parking"], "Free parking."), DateTimeOffset.UnixEpoch, default);
        using var editor = await ConsoleSession.SignedInAsync(Bot, StaffRole.Editor);
        Assert.Contains("Free parking.", await editor.GetPageAsync($"/console/faq/edit/{id}"));

        (await editor.PostFormAsync($"/console/faq/edit/{id}", new()
        {
            ["Input.Language"] = "en", ["Input.Keywords"] = "parking\ncar park", ["Input.Answer"] = "Thirty free spaces.",
        })).Dispose();
        Assert.Equal("Thirty free spaces.", (await Bot.Services.GetRequiredService<FaqStore>().MatchAsync("en", "a car park?", default))?.Answer);

        using var deleted = await editor.PostFormAsync("/console/faq?handler=Delete", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/console/faq");

        Assert.Equal("/console/faq", ConsoleSession.PathOf(deleted));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM faq_entries"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM faq_keywords"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.FaqUpdated, "editor-user"));
        Assert.Equal(1, await CountAuditAsync(AuditActions.FaqDeleted, "editor-user"));
    }

    [SkippableFact]
    public async Task Delete_Viewer_IsDeniedAndKeepsTheEntry()
    {
        var id = await Bot.Services.GetRequiredService<FaqStore>().CreateAsync(new FaqDraft("ja", ["駐車場"], "あります。"), DateTimeOffset.UnixEpoch, default);
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        var list = await viewer.GetPageAsync("/console/faq");
        using var deleted = await viewer.PostFormAsync("/console/faq?handler=Delete", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/console/faq");

        Assert.Contains("あります。", list);
        Assert.DoesNotContain("handler=Delete", list);
        Assert.Equal(StaffCookie.DeniedPath, ConsoleSession.PathOf(deleted));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM faq_entries"));
    }
}

public sealed class FaqPagesTestsOnSqlite() : FaqPagesTests("Sqlite");

public sealed class FaqPagesTestsOnPostgres() : FaqPagesTests("Postgres");
