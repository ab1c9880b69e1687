using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Webhook;

namespace OutreachBot.Pages;

/// <summary>Webhook events that failed every try, newest first; an editor puts one back in line once the fault is fixed.</summary>
public sealed class ParkedModel(InboxStore inbox, ParkedEventRetry retry) : ConsolePage
{
    public const int PageSize = 50;

    public IReadOnlyList<ParkedEvent> Events { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public bool CanRetry { get; private set; }

    public async Task OnGetAsync(long? before)
    {
        Events = await inbox.ListParkedAsync(PageSize, before ?? long.MaxValue, HttpContext.RequestAborted);
        NextBefore = Events.Count == PageSize ? Events[^1].Id : null;
        CanRetry = await CanAsync(ConsolePolicies.Edit);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await retry.RetryAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S($"イベント {id} をもう一度処理します。", $"Event {id} will be handled again.");
        }
        else
        {
            Notice = ConsoleText.S($"イベント {id} はもう保留中ではありません。", $"Event {id} is no longer parked.");
        }

        return RedirectToPage();
    }
}
