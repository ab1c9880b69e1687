using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Meta;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>A broadcast's Facebook and Instagram posts: correct or delete a published one, decide about one that needs checking.</summary>
public sealed class SocialModel(SocialPostStore store, SocialPostActions actions) : ConsolePage
{
    public long Id => long.Parse((string)RouteData.Values["id"]!, CultureInfo.InvariantCulture);

    public IReadOnlyList<SocialPostRow> Posts { get; private set; } = [];

    public async Task OnGetAsync() => Posts = await store.LatestAsync(Id, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostEditAsync(string channel, string text) =>
        DoneAsync(actions.EditAsync(Id, channel, text ?? "", StaffActor.Of(HttpContext), HttpContext.RequestAborted), new("投稿を修正しました。", "The post was corrected."));

    public Task<IActionResult> OnPostDeleteAsync(string channel) =>
        DoneAsync(actions.DeleteAsync(Id, channel, StaffActor.Of(HttpContext), HttpContext.RequestAborted), new("投稿を削除しました。", "The post was deleted."));

    public Task<IActionResult> OnPostDecideAsync(string channel, bool post) =>
        DoneAsync(
            actions.DecideAsync(Id, channel, post, StaffActor.Of(HttpContext), HttpContext.RequestAborted),
            post ? new("投稿し直します。", "It will be posted.") : new("投稿しないことにしました。", "It will not be posted."));

    private async Task<IActionResult> DoneAsync(Task<Bilingual?> action, Bilingual done)
    {
        if (await action is { } problem)
        {
            AddError("social", problem);
            Posts = await store.LatestAsync(Id, HttpContext.RequestAborted);
            return Page();
        }

        Notice = done.Text;
        return RedirectToPage();
    }
}
