using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Topics;

/// <summary>Topics in the order citizens see them, with subscriber counts; editors reorder and archive here.</summary>
public sealed class IndexModel(TopicStore topics, AuditLog audit, ConsoleClock clock) : ConsolePage
{
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Topics = await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
    }

    /// <summary>Moves a topic one place up or down (swapping with its neighbour) and renumbers all of them.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string slug, string direction)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        var order = (await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted)).Select(t => t.Slug).ToList();
        var index = order.IndexOf(slug);
        var other = direction == "up" ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < order.Count)
        {
            (order[index], order[other]) = (order[other], order[index]);
            await topics.SetOrderAsync(order, clock.UtcNow, HttpContext.RequestAborted);
            await audit.WriteAsync(HttpContext, AuditActions.TopicsReordered, slug, direction);
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

        var draft = new TopicDraft(topic.Slug, topic.Names, topic.Descriptions, topic.Order, archive, topic.ParentSlug);
        await topics.UpdateAsync(draft, clock.UtcNow, HttpContext.RequestAborted);
        await audit.WriteAsync(HttpContext, archive ? AuditActions.TopicArchived : AuditActions.TopicRestored, slug);
        Notice = archive
            ? ConsoleText.S($"「{topic.NameIn(Languages.Japanese)}」をアーカイブしました。市民のメニューには表示されません。", $"“{topic.NameIn(Languages.English)}” was archived: citizens no longer see it.")
            : ConsoleText.S($"「{topic.NameIn(Languages.Japanese)}」を元に戻しました。", $"“{topic.NameIn(Languages.English)}” is shown to citizens again.");
        return RedirectToPage();
    }
}
