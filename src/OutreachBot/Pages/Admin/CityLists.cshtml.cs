using Microsoft.AspNetCore.Mvc;
using OutreachBot.Profiles.CityLists;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>
/// The lists citizens' profiles choose from (地区 → 小学校区, skills and interests): admins add, rename, retire and restore
/// entries, each change audited. A retired entry stays on the profiles that have it and is no longer offered.
/// </summary>
public sealed class CityListsModel(CityListStore store) : ConsolePage
{
    public CityLists Lists { get; private set; } = new([], [], []);

    /// <summary>The languages an entry may be named in beside Japanese (やさしい日本語 reads the Japanese).</summary>
    public static IEnumerable<(string Code, string Name)> OtherLanguages =>
        Languages.Supported.Where(l => l.Code is not (Languages.Japanese or "ja-easy")).Select(l => (l.Code, l.Name));

    public async Task OnGetAsync() => Lists = await store.ReadAsync(HttpContext.RequestAborted);

    /// <param name="key">The skill's slug, or the district's area id.</param>
    public async Task<IActionResult> OnPostAddAsync(CityList list, string? name, Dictionary<string, string> names, string? key) =>
        Done(await store.AddAsync(list, name, names, key?.Trim(), StaffActor.Of(HttpContext), HttpContext.RequestAborted), ConsoleText.S($"「{name}」を追加しました。", $"Added '{name}'."));

    public async Task<IActionResult> OnPostRenameAsync(CityList list, long id, string? name, Dictionary<string, string> names) =>
        Done(await store.RenameAsync(list, id, name, names, StaffActor.Of(HttpContext), HttpContext.RequestAborted), ConsoleText.S($"「{name}」に変えました。", $"Renamed to '{name}'."));

    public async Task<IActionResult> OnPostRetireAsync(CityList list, long id, bool retire) =>
        Done(
            await store.RetireAsync(list, id, retire, StaffActor.Of(HttpContext), HttpContext.RequestAborted),
            retire
                ? ConsoleText.S("廃止しました。選んでいた市民のプロフィールには残り、新しくは選べません。", "Retired: it stays on the profiles that have it and is no longer offered.")
                : ConsoleText.S("元に戻しました。", "Restored."));

    private RedirectToPageResult Done(Bilingual? error, string notice)
    {
        Notice = error?.Text ?? notice;
        return RedirectToPage();
    }
}
