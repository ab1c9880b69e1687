using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Profiles;

/// <summary>
/// A citizen tells the office a profile from the menu through the emulator: the consent first (nothing stored before
/// it), area then district a page at a time, age band, skills and free days, the summary; わたしのデータ shows it and
/// erasing it leaves nothing. Forged or retired choices change nothing.
/// </summary>
public abstract class ProfileChatTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ConversationHost.StartAsync(provider);
        await CitySample.SeedAsync(_host.Database);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Profile_ConsentThenAreaDistrictAgeSkillsDays_SummaryAndMyDataShowIt_EraseLeavesNothing()
    {
        var hana = _host.Citizen("Uprofilechat00000000000000000001");
        await hana.FollowAsync();

        var consent = await hana.TapAsync("v1|prof");
        Assert.Contains("記録するもの: 地区（小学校区）、年代、得意なこと・関心のあること、活動できる曜日、同意した日時。", Sent.Text(consent));
        Assert.Contains("いつでも見る・変える・削除する", Sent.Text(consent));
        Assert.Equal(["同意する", "同意しない"], Sent.Buttons(consent).Select(b => b.Label));
        var beforeConsent = await hana.TapAsync("v1|prof-age|6");
        Assert.Contains("同意しますか？", Sent.Text(beforeConsent));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM citizens WHERE age_band IS NOT NULL OR profile_consented_at IS NOT NULL"));

        var areas = await hana.TapAsync("v1|prof-ok");
        Assert.Equal(["北部", "南部"], Sent.Buttons(areas).Select(b => b.Label));
        var firstPage = await hana.TapAsync(Sent.Button(areas, "v1|prof-area|"));
        Assert.Contains("北部のどの校区ですか。（1/2ページ）", Sent.Text(firstPage));
        Assert.Equal([.. CitySample.North.Take(10), "もっと見る ▶", "地区を選び直す"], Sent.Buttons(firstPage).Select(b => b.Label));
        var secondPage = await hana.TapAsync(Sent.Buttons(firstPage).Single(b => b.Label == "もっと見る ▶").Data);
        Assert.Equal([.. CitySample.North.Skip(10), "◀ 前へ", "地区を選び直す"], Sent.Buttons(secondPage).Select(b => b.Label));
        var ages = await hana.TapAsync(Sent.Buttons(secondPage).Single(b => b.Label == "北部第12小学校区").Data);
        Assert.Equal(["10代", "20代", "30代", "40代", "50代", "60代", "70代", "80代以上", "答えない"], Sent.Buttons(ages).Select(b => b.Label));
        var skills = await hana.TapAsync("v1|prof-age|6");
        Assert.Equal(["料理", "園芸", "通訳", "次へ"], Sent.Buttons(skills).Select(b => b.Label));
        var marked = await hana.TapAsync(Sent.Buttons(skills).Single(b => b.Label == "料理").Data);
        Assert.Equal(["✓ 料理", "園芸", "通訳", "次へ"], Sent.Buttons(marked).Select(b => b.Label));
        await hana.TapAsync("v1|prof-days");
        await hana.TapAsync("v1|prof-day|6.1");
        var days = await hana.TapAsync("v1|prof-day|1.1");
        Assert.Equal(["✓ 月曜", "火曜", "水曜", "木曜", "金曜", "✓ 土曜", "日曜", "完了"], Sent.Buttons(days).Select(b => b.Label));
        var summary = Sent.Text(await hana.TapAsync("v1|prof"));

        Assert.Contains("地区: 北部第12小学校区\n年代: 60代\n得意なこと・関心: 料理\n活動できる曜日: 月曜", summary);
        Assert.Contains("土曜", summary);
        Assert.Equal("北部第12小学校区|60s|33|1", await StoredAsync(hana.UserId));
        Assert.Contains("プロフィール（", Sent.Text(await hana.TapAsync("v1|mydata")));
        Assert.Contains("年代 60代 / 得意なこと・関心 料理", Sent.Text(await hana.TapAsync("v1|mydata")));
        LineChecks.AllValid(_host.Line);

        var confirm = await hana.TapAsync("v1|prof-erase");
        var erased = await hana.TapAsync(Sent.Button(confirm, "v1|prof-erase-yes|"));
        Assert.Contains("プロフィールと同意の記録を削除しました。", Sent.Text(erased));
        Assert.Equal("|||0", await StoredAsync(hana.UserId));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM citizens WHERE user_id = '{hana.UserId}' AND profile_consented_at IS NOT NULL"));
        Assert.Contains("同意しますか？", Sent.Text(await hana.TapAsync("v1|prof")));
    }

    [SkippableFact]
    public async Task ForgedOrRetiredChoices_ChangeNothing_AndTheEraseOfAllDataTakesTheProfile()
    {
        var ken = _host.Citizen("Uprofileforged000000000000000001");
        await ken.FollowAsync();
        await ken.TapAsync("v1|prof-ok");
        var retiredSkill = await CitySample.IdAsync(_host.Database, "city_skills", "大工");

        var retired = await ken.TapAsync($"v1|prof-skill|{retiredSkill}.1.1");
        var unknownDistrict = await ken.TapAsync("v1|prof-dist|99999");
        var outOfRange = await ken.TapAsync("v1|prof-age|9");

        Assert.Contains("この選択肢は今は選べません。", Sent.Text(retired));
        Assert.Contains("この選択肢は今は選べません。", Sent.Text(unknownDistrict));
        Assert.Contains("この操作は受け付けられませんでした", Sent.Text(outOfRange));
        Assert.Equal("|||0", await StoredAsync(ken.UserId));

        var south = await CitySample.IdAsync(_host.Database, "city_districts", CitySample.South);
        await ken.TapAsync($"v1|prof-dist|{south}");
        await ken.TapAsync("v1|prof-age|2");
        var confirm = await ken.TapAsync("v1|erase");
        await ken.TapAsync(Sent.Button(confirm, "v1|erase-yes|"));

        Assert.Equal("|||0", await StoredAsync(ken.UserId));
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT COUNT(*) FROM citizens WHERE user_id = '{ken.UserId}' AND profile_consented_at IS NOT NULL"));
    }

    [SkippableFact]
    public async Task InEnglish_TheConsentAndTheCitysEnglishNames_ElseTheJapanese()
    {
        var tom = _host.Citizen("Uprofileenglish00000000000000001", "en");
        await tom.FollowAsync();
        await tom.TapAsync("v1|lang|en");

        var consent = await tom.TapAsync("v1|prof");
        var areas = await tom.TapAsync("v1|prof-ok");

        Assert.Contains("What is stored: your district (school district), age band, skills and interests", Sent.Text(consent));
        Assert.Equal(["I agree", "No, thanks"], Sent.Buttons(consent).Select(b => b.Label));
        Assert.Equal(["North", "南部"], Sent.Buttons(areas).Select(b => b.Label));
    }

    /// <summary>district|age band|free days|skills counted, as stored.</summary>
    private Task<string> StoredAsync(string userId) => _host.ScalarAsync<string>(
        $"""
        SELECT COALESCE(district, '') || '|' || COALESCE(age_band, '') || '|' || COALESCE(CAST(free_days AS TEXT), '') || '|'
               || CAST((SELECT COUNT(*) FROM citizen_skills WHERE user_id = '{userId}') AS TEXT)
        FROM citizens WHERE user_id = '{userId}'
        """);
}

public sealed class ProfileChatTestsOnSqlite() : ProfileChatTests("Sqlite");

public sealed class ProfileChatTestsOnPostgres() : ProfileChatTests("Postgres");
