using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Topics;

/// <summary>Topics in the order citizens see them, with subscriber counts; editors reorder and archive here.</summary>
public sealed class IndexModel(TopicStore topics, TopicEditor editor) : ConsolePage
{
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Topics = await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }

    /// <summary>Moves a topic one place up or down.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string slug, string direction)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await editor.MoveAsync(slug, direction, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S("並び順を変えました。", "The order was changed.");
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostArchiveAsync(string slug, bool archive)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await topics.FindAsync(slug, HttpContext.RequestAborted) is not { } topic)
        {
            return NotFound();
        }

        await editor.SetArchivedAsync(topic, archive, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = archive
            ? ConsoleText.S($"「{topic.NameIn(Languages.Japanese)}」をアーカイブしました。市民のメニューには表示されません。", $"“{topic.NameIn(Languages.English)}” was archived: citizens no longer see it.")
            : ConsoleText.S($"「{topic.NameIn(Languages.Japanese)}」を元に戻しました。", $"“{topic.NameIn(Languages.English)}” is shown to citizens again.");
        return RedirectToPage();
    }
}
