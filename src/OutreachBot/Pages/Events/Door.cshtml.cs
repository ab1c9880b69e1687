using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Events;

/// <summary>At the door on a tablet: find a confirmed applicant by number or name and mark them attended with one large button.</summary>
public sealed class DoorModel(RosterService roster, TimeProvider time) : ConsolePage
{
    public Roster Roster { get; private set; } = null!;

    public RosterCounts Counts => Roster.CountsAt(time.GetUtcNow());

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>The confirmed applications matching <see cref="Query"/> (a number exactly, or part of a name); all without one.</summary>
    public IReadOnlyList<EventApplication> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (await roster.ReadAsync(id, StaffActor.Of(HttpContext), HttpContext.RequestAborted) is not { } read)
        {
            return NotFound();
        }

        Roster = read;
        var query = Query?.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        Found = [.. read.Confirmed.Where(a => string.IsNullOrEmpty(query)
            || (long.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && a.Number == number)
            || (a.Name?.Normalize(System.Text.NormalizationForm.FormKC).Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))];
        return Page();
    }

    public async Task<IActionResult> OnPostAttendAsync(long id, long number)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        var marked = await roster.MarkAttendedAsync(id, number, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = marked is null
            ? ConsoleText.S($"番号 {number} は確定済みの申し込みではありません。", $"No. {number} is not a confirmed application.")
            : ConsoleText.S($"番号 {number}（{marked.Name}さん・{marked.PartySize}人）の出席を記録しました。", $"No. {number} ({marked.Name}, {marked.PartySize}) is marked attended.");
        return Redirect($"/console/events/{id}/door");
    }
}
