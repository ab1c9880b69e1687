using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutreachBot.Staff;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Disaster;

/// <summary>
/// Disaster templates staff keep translated: Japanese required, the languages still missing listed, and in disaster
/// mode the composer starts from a template only when all seven are there, one message per language; otherwise it
/// names the missing languages and fills nothing.
/// </summary>
public abstract class DisasterTemplateTests(string provider) : DisasterSuite(provider, Settings)
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Disaster:SinglePersonSwitch"] = "true" };

    public static Dictionary<string, object> Translated(params string[] languages) => languages.ToDictionary(
        l => l, l => (object)new { title = $"避難指示 {l}", body = $"高台へ避難してください ({l})" });

    public static readonly string[] All = ["ja", "ja-easy", "en", "vi", "pt-BR", "zh-Hans", "ko"];

    [SkippableFact]
    public async Task Template_JapaneseFirst_ListsTheMissingLanguagesUntilAllSevenAreThere()
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/disaster-templates", new { name = "津波避難指示", texts = Translated("ja", "en") });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var before = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/disaster-templates/{id}"))!;
        await SendAsync(HttpMethod.Put, $"/api/v1/disaster-templates/{id}", new { name = "津波避難指示", texts = Translated(All) });
        var after = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/disaster-templates/{id}"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["ja-easy", "vi", "pt-BR", "zh-Hans", "ko"], before["missing"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Empty(after["missing"]!.AsArray());
        Assert.Equal("高台へ避難してください (vi)", after["texts"]!["vi"]!["body"]!.GetValue<string>());
        Assert.Equal(
            "disaster_template.created|disaster_template.updated",
            await Host.ScalarAsync<string>("SELECT " + Concat("action") + " FROM audit_log WHERE action LIKE 'disaster_template.%'"));
    }

    [SkippableFact]
    public async Task Template_WithoutJapaneseOrWithABodyAlone_RefusedPerField()
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/disaster-templates", new
        {
            name = "",
            texts = new Dictionary<string, object> { ["en"] = new { body = "Go to high ground." } },
        });

        Assert.Equal(["name", "texts.en.title", "texts.ja.title"], (await ErrorsAsync(response)).Order(StringComparer.Ordinal));
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT COUNT(*) FROM disaster_templates"));
    }

    [SkippableFact]
    public async Task Composer_InDisasterMode_StartsFromACompleteTemplateOnly_OneMessagePerLanguage()
    {
        using var complete = await Admin.PostAsJsonAsync("/api/v1/disaster-templates", new { name = "土砂災害警戒", texts = Translated(All) });
        using var partial = await Admin.PostAsJsonAsync("/api/v1/disaster-templates", new { name = "火災", texts = Translated("ja", "en") });
        await SwitchAsync(new { active = true, reason = "大雨特別警報" });
        using var editor = await ConsoleSession.SignedInAsync(Host.Bot, StaffRole.Editor);

        var filled = await editor.GetPageAsync($"/console/broadcasts/compose?template={await IdAsync(complete)}");
        var refused = await editor.GetPageAsync($"/console/broadcasts/compose?template={await IdAsync(partial)}");

        Assert.All(All, l => Assert.Contains($"高台へ避難してください ({l})", filled, StringComparison.Ordinal));
        Assert.Contains("id=\"everyone\" name=\"Input.All\" value=\"true\" checked=\"checked\"", filled, StringComparison.Ordinal);
        Assert.Contains("未翻訳のため使えません: ja-easy, vi, pt-BR, zh-Hans, ko", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("高台へ避難してください (ja)</textarea>", refused, StringComparison.Ordinal);
    }

    private static async Task<long> IdAsync(HttpResponseMessage created) =>
        JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
}

public sealed class DisasterTemplateTestsOnSqlite() : DisasterTemplateTests("Sqlite");

public sealed class DisasterTemplateTestsOnPostgres() : DisasterTemplateTests("Postgres");
