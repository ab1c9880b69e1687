using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Admin;

/// <summary>Admins see the e-mail subscribers (filtered by status and topic, 50 a page) and remove one.</summary>
public sealed class MailSubscribersModel(MailSubscriberList list, MailSubscriberAdmin admin, TopicStore topics) : ConsolePage
{
    public const int PageSize = 50;

    public MailSubscriberPage Subscribers { get; private set; } = new([], 0);

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public string? Status { get; private set; }

    public string? Topic { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => (int)Math.Max(1, (Subscribers.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? status, string? topic, [FromQuery(Name = "p")] int? pageNumber)
    {
        Topics = await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        Status = MailSubscriberStatus.All.Contains(status) ? status : null;
        Topic = Topics.Any(t => t.Slug == topic) ? topic : null;
        PageNumber = Math.Max(1, pageNumber ?? 1);
        Subscribers = await list.ListAsync(new MailSubscriberFilter(Status, Topic, PageNumber, PageSize), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        Notice = await admin.RemoveAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted)
            ? ConsoleText.S($"購読者 {id} を削除しました（アドレスを消去）。", $"Subscriber {id} was removed (address erased).")
            : ConsoleText.S("その購読者はすでに削除されています。", "That subscriber was already removed.");
        return RedirectToPage();
    }

    /// <summary>Another page of the same filter; <c>p</c>, since Razor Pages keep <c>page</c> for the page's own name.</summary>
    public string PageLink(int number) =>
        $"?status={Uri.EscapeDataString(Status ?? "")}&topic={Uri.EscapeDataString(Topic ?? "")}&p={number}";

    public static Bilingual StatusLabel(string status) => status switch
    {
        MailSubscriberStatus.Pending => new("確認待ち", "Pending"),
        MailSubscriberStatus.Confirmed => new("購読中", "Confirmed"),
        MailSubscriberStatus.Unsubscribed => new("解除済み", "Unsubscribed"),
        MailSubscriberStatus.Suppressed => new("停止（送信失敗）", "Suppressed (failures)"),
        _ => new(status, status),
    };
}
