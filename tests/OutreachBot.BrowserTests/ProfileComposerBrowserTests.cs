using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.Profiles;

namespace OutreachBot.BrowserTests;

/// <summary>
/// The composer's profile filters in Debian's chromium: districts by area, age bands, skills and free days are choices
/// from the city's lists, and the live recipient count follows each tick; an admin adds a district on the lists page
/// and the composer offers it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProfileComposerBrowserTests(Browser browser) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private TestWorld _world = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite", new EmulatorOptions());
        _bot = _world.StartBotOnPort(new Dictionary<string, string?> { ["Api:Keys:0:Key"] = null, ["Api:Keys:0:Account"] = null, ["Api:Keys:0:Role"] = null });
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Composer_DistrictAgeSkillAndDayChoices_TheLiveCountFollows_AndANewDistrictIsOffered()
    {
        await using var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var page = await context.SignInAsync(_bot.Address, "kanri", Password);
        await page.GotoAsync(_bot.Address + "/console/broadcasts/compose");
        var estimate = page.GetByTestId("estimate");

        await page.Locator("input[name='Input.Topics'][value='volunteer']").CheckAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("配信対象 4 人");
        await page.Locator($"input[name='Input.Districts'][value='{CitySample.North[0]}']").CheckAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("配信対象 2 人");
        await page.Locator("input[name='Input.AgeBands'][value='60s']").CheckAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("配信対象 1 人");
        await page.Locator($"input[name='Input.Districts'][value='{CitySample.North[0]}']").UncheckAsync();
        await page.Locator("input[name='Input.Skills'][value='cooking']").CheckAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("配信対象 1 人");
        await page.Locator("input[name='Input.FreeDays'][value='tue']").CheckAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("配信対象 0 人");
        await Assertions.Expect(page.Locator("input[name='Input.Skills'][value='carpentry']")).ToHaveCountAsync(0);
        await page.GetByTestId("target-districts").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "80-composer-profile-filters.png"), FullPage = true });

        await page.GotoAsync(_bot.Address + "/console/admin/city-lists");
        var add = page.GetByTestId("add-districts");
        await add.Locator("select[name='key']").SelectOptionAsync(new SelectOptionValue { Label = "南部" });
        await add.Locator("input[name='name']").FillAsync("南部第2小学校区");
        await add.GetByRole(AriaRole.Button, new() { Name = "追加" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("「南部第2小学校区」を追加しました。");
        await page.GotoAsync(_bot.Address + "/console/broadcasts/compose");

        await Assertions.Expect(page.Locator("input[name='Input.Districts'][value='南部第2小学校区']")).ToHaveCountAsync(1);
    }

    private async Task SeedAsync()
    {
        var hash = _bot.Services.GetRequiredService<StaffPasswords>().Hash(Password);
        await _bot.Services.GetRequiredService<StaffAccountStore>().CreateAsync(new StaffAccountDraft("kanri", "管理 一郎", StaffRole.Admin), hash, false, DateTimeOffset.UtcNow, default);
        await CitySample.SeedAsync(_world.Database);
        var volunteer = (await _bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        string[] profiles =
        [
            $"district = '{CitySample.North[0]}', age_band = '20s', free_days = 32",
            $"district = '{CitySample.North[0]}', age_band = '60s', free_days = 64",
            $"district = '{CitySample.South}', age_band = '60s', free_days = 1",
            "district = NULL",
        ];
        for (var i = 0; i < profiles.Length; i++)
        {
            var user = $"U{i:x32}";
            await _bot.Services.GetRequiredService<CitizenStore>().FollowAsync(user, "ja", null, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            await _bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(user, volunteer.Id, DateTimeOffset.UtcNow.AddMinutes(-1), default);
            await _world.Database.ExecuteAsync($"UPDATE citizens SET {profiles[i]}, profile_consented_at = 1000 WHERE user_id = '{user}'");
        }

        await _world.Database.ExecuteAsync($"INSERT INTO citizen_skills (user_id, skill_id) SELECT '{$"U{2:x32}"}', id FROM city_skills WHERE slug = 'cooking'");
    }
}
