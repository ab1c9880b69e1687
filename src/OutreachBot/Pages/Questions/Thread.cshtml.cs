using Microsoft.AspNetCore.Mvc;
using OutreachBot.Consultations;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Questions;

/// <summary>One citizen's questions and staff's replies; editors assign it, reply by push, mark it done or reopen it.</summary>
public sealed class ThreadModel(ConsultationInbox inbox, ConsultationTriage triage, ConsultationReplies replies, StaffAccountStore accounts) : ConsolePage
{
    public ConsultationThread Thread { get; private set; } = null!;

    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    /// <summary>Made when the form is shown and sent back with it: the push's retry key, so a double submit sends once.</summary>
    [BindProperty]
    public string? ReplyKey { get; set; }

    /// <summary>The questions and replies in the order they were written.</summary>
    public IEnumerable<(DateTimeOffset At, Consultation? Question, StaffReply? Reply)> Entries =>
        Thread.Questions.Select(q => (q.ReceivedAt, (Consultation?)q, (StaffReply?)null))
            .Concat(Thread.Replies.Select(r => (r.SentAt, (Consultation?)null, (StaffReply?)r)))
            .OrderBy(e => e.Item1);

    public async Task<IActionResult> OnGetAsync(string userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        ReplyKey = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string userId, string? assignee)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var staff = string.IsNullOrEmpty(assignee) ? null : Staff.FirstOrDefault(a => a.Username == assignee);
        if (!string.IsNullOrEmpty(assignee) && staff is null)
        {
            AddError("assignee", new("一覧にある職員を選んでください。", "Choose one of the listed staff members."));
            ReplyKey = Guid.NewGuid().ToString();
            return Page();
        }

        await triage.AssignAsync(userId, staff?.Username, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = staff is null
            ? ConsoleText.S("担当を外しました。", "Nobody is assigned now.")
            : ConsoleText.S($"{staff.DisplayName} さんを担当にしました。", $"{staff.DisplayName} is assigned.");
        return RedirectToPage(new { userId });
    }

    public async Task<IActionResult> OnPostReplyAsync(string userId)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        if (!Guid.TryParse(ReplyKey, out var key))
        {
            key = Guid.NewGuid();
            ReplyKey = key.ToString();
        }

        var text = ReplyText?.Trim() ?? "";
        if (text.Length is 0 or > ConsultationReplies.MaxLength)
        {
            AddError("reply", new($"返信は1〜{ConsultationReplies.MaxLength}文字で入力してください。", $"A reply takes 1 to {ConsultationReplies.MaxLength} characters."));
            return Page();
        }

        var outcome = await replies.SendAsync(Thread.Newest, text, StaffActor.Of(HttpContext), key, wholeThread: true, HttpContext.RequestAborted);
        if (!outcome.Sent)
        {
            var status = outcome.LineStatus is { } code ? $"{(int)code} " : "";
            AddError("reply", new(
                $"LINEが送信を受け付けませんでした（{status}{outcome.LineMessage}）。返信は送られていません。文章はそのまま残っていますので、もう一度送信してください。",
                $"LINE did not accept the message ({status}{outcome.LineMessage}); nothing was sent. Your text is kept below: send it again."));
            return Page();
        }

        Notice = ConsoleText.S("返信を送信しました。", "The reply was sent.");
        return RedirectToPage(new { userId });
    }

    public async Task<IActionResult> OnPostDoneAsync(string userId) =>
        await ChangeAsync(userId, () => triage.MarkDoneAsync(userId, StaffActor.Of(HttpContext), HttpContext.RequestAborted),
            new("完了にしました。", "Marked done."), new("すでに完了しています。", "It was already done."));

    public async Task<IActionResult> OnPostReopenAsync(string userId) =>
        await ChangeAsync(userId, () => triage.ReopenAsync(userId, StaffActor.Of(HttpContext), HttpContext.RequestAborted),
            new("対応中に戻しました。", "Reopened."), new("完了していません。", "It was not done."));

    private async Task<IActionResult> ChangeAsync(string userId, Func<Task<bool>> change, Bilingual done, Bilingual unchanged)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        var changed = await change();
        Notice = (changed ? done : unchanged).Text;
        return RedirectToPage(new { userId });
    }

    private async Task<bool> LoadAsync(string userId)
    {
        if (await inbox.FindAsync(userId, HttpContext.RequestAborted) is not { } thread)
        {
            return false;
        }

        Thread = thread;
        Staff = [.. (await accounts.ListAsync(HttpContext.RequestAborted)).Where(a => !a.Disabled && a.Role >= StaffRole.Editor)];
        CanEdit = await CanAsync(ConsolePolicies.Edit);
        return true;
    }
}
