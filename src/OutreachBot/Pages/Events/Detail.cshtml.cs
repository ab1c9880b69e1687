using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;
using OutreachBot.CivicEvents;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Events;

/// <summary>One event: what citizens see, how many asked to be reminded, its broadcasts; editors cancel it or make its broadcasts.</summary>
public sealed class DetailModel(
    CivicEventStore events, CivicEventEditor editor, EventBroadcasts broadcasts, TopicStore topics, IOptions<BroadcastOptions> options)
    : ConsolePage
{
    /// <summary>How long before the start the reminder goes out (<c>Broadcasts:ReminderLeadTime</c>).</summary>
    public double ReminderLeadHours => options.Value.ReminderLeadTime.TotalHours;

    public CivicEvent Event { get; private set; } = null!;

    public Topic? Topic { get; private set; }

    public EventBroadcastLinks Broadcasts { get; private set; } = new(null, null);

    public bool CanEdit { get; private set; }

    /// <summary>Why a broadcast could not be made, shown once after the click.</summary>
    [TempData]
    public string? Problems { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await events.FindAsync(id, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Event = found;
        Topic = found.TopicSlug is { } slug ? await topics.FindAsync(slug, HttpContext.RequestAborted) : null;
        Broadcasts = await broadcasts.FindAsync(id, HttpContext.RequestAborted);
        CanEdit = await CanAsync(ConsolePolicies.Edit);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await events.FindAsync(id, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        if (!found.Cancelled)
        {
            var draft = CivicEventDraft.Of(found) with { Cancelled = true };
            await editor.UpdateAsync(id, draft, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        }

        Notice = ConsoleText.S(
            $"「{found.TitleIn(Languages.Japanese)}」を中止にしました。市民の一覧から消え、リマインダーは送られません。",
            $"“{found.TitleIn(Languages.English)}” is cancelled: citizens no longer see it and no reminder goes out.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostBroadcastsAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        var outcome = await broadcasts.CreateAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        if (outcome.AnnouncementId is not null || outcome.ReminderId is not null)
        {
            Notice = ConsoleText.S("配信を作成しました。内容と日時を確認してから申請してください。", "The broadcasts are made: check their text and time, then submit them.");
        }

        Problems = outcome.Problems.Count == 0 ? null : string.Join("\n", outcome.Problems.Select(p => p.Text));
        return RedirectToPage(new { id });
    }
}
