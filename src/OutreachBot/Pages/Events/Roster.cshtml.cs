using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents.Applications;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Events;

/// <summary>
/// An event's applicants: confirmed, waiting in order, cancelled, with party sizes and answers; the counts; a phone or
/// walk-in application; the CSV. It shows names and phone numbers, so editors only, and every reading is audited.
/// </summary>
public sealed class RosterModel(RosterService roster, ConsoleClock clock, TimeProvider time) : ConsolePage
{
    public Roster Roster { get; private set; } = null!;

    public RosterCounts Counts => Roster.CountsAt(time.GetUtcNow());

    [BindProperty]
    public WalkInForm WalkIn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    /// <summary><c>?handler=Csv</c>: the roster as CSV for Excel.</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id) =>
        await LoadAsync(id) ?? File(RosterCsv.Write(Roster, clock.Zone), "text/csv; charset=utf-8", $"event-{id}-roster.csv");

    public async Task<IActionResult> OnPostAddAsync(long id)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        var input = WalkIn.ToInput(out var formErrors);
        AddErrors(formErrors);
        var outcome = formErrors.Count > 0 ? null : await AddAsync(id, input);
        if (outcome is not { Result: ApplyResult.Confirmed or ApplyResult.Waiting, Application: { } added })
        {
            if (Errors.Count == 0)
            {
                AddError("partySize", new("この人数では申し込めません（1回の人数の上限か、申し込みを受けないイベントです）。", "This cannot be added: too many people, or the event takes no applications."));
            }

            return await LoadAsync(id) ?? Page();
        }

        Notice = added.Status == EventApplication.Waiting
            ? ConsoleText.S($"{added.Name}さんをキャンセル待ち{added.Position}番目に登録しました（番号 {added.Number}）。", $"{added.Name} is on the waiting list, number {added.Position} (no. {added.Number}).")
            : ConsoleText.S($"{added.Name}さんの申し込みを登録しました（番号 {added.Number}）。", $"{added.Name} is added (no. {added.Number}).");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, long number)
    {
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        var outcome = await roster.CancelAsync(id, number, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = outcome.Result == CancelResult.Cancelled
            ? ConsoleText.S($"番号 {number} を取り消しました。繰り上げ：{outcome.MovedUp.Count}件。", $"No. {number} is cancelled; {outcome.MovedUp.Count} moved up.")
            : ConsoleText.S($"番号 {number} は取り消せませんでした。", $"No. {number} could not be cancelled.");
        return RedirectToPage(new { id });
    }

    private async Task<ApplyOutcome?> AddAsync(long id, StaffApplicationInput input)
    {
        var (outcome, errors) = await roster.AddAsync(id, input, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        AddErrors(errors);
        return outcome;
    }

    /// <summary>Reads the roster (audited); the refusal instead when the user may not, or there is no such event.</summary>
    private async Task<IActionResult?> LoadAsync(long id)
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
        return null;
    }
}

/// <summary>A phone or walk-in application as typed in the console.</summary>
public sealed class WalkInForm
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? PartySize { get; set; }

    public StaffApplicationInput ToInput(out Dictionary<string, Bilingual[]> errors)
    {
        errors = [];
        int? size = null;
        if (!string.IsNullOrWhiteSpace(PartySize))
        {
            if (int.TryParse(PartySize.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                size = parsed;
            }
            else
            {
                errors["partySize"] = [new("人数は数字で入力してください。", "Enter the party size as a number.")];
            }
        }

        return new StaffApplicationInput(Name, string.IsNullOrWhiteSpace(Phone) ? null : Phone, size, null);
    }
}
