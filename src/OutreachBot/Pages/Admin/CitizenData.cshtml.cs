using Microsoft.AspNetCore.Mvc;
using OutreachBot.Privacy;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>
/// A citizen's request about their own data (開示・削除請求), by LINE user id: what the office holds, counted; the data
/// itself only as the downloaded file; its erasure after a confirmation. Both are audited.
/// </summary>
public sealed class CitizenDataModel(CitizenDataRequests requests) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    /// <summary>The "I have checked the request" box the erasure needs.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    public CitizenData? Found { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(UserId);

    public async Task OnGetAsync()
    {
        UserId = UserId?.Trim();
        if (Searched)
        {
            Found = await requests.FindAsync(UserId!, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostDiscloseAsync()
    {
        var file = Searched ? await requests.DiscloseAsync(UserId!.Trim(), StaffActor.Of(HttpContext), HttpContext.RequestAborted) : null;
        if (file is null)
        {
            Notice = NoRecord.Text;
            return RedirectToPage(new { UserId });
        }

        return File(file, "application/json; charset=utf-8", $"citizen-data-{UserId!.Trim()}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync()
    {
        if (!Confirmed)
        {
            Notice = ConsoleText.S("削除するには、請求を確認した旨のチェックを入れてください。", "Tick the box that you checked the request to erase.");
        }
        else if (Searched && await requests.EraseAsync(UserId!.Trim(), StaffActor.Of(HttpContext), HttpContext.RequestAborted))
        {
            Notice = ConsoleText.S("この市民の個人情報を削除しました。件数の記録だけが残ります。", "The citizen's personal data was erased; only the counts remain.");
        }
        else
        {
            Notice = NoRecord.Text;
        }

        return RedirectToPage(new { UserId });
    }

    private static Bilingual NoRecord => new("このLINEユーザーIDの記録はありません。", "There is no record of this LINE user id.");
}
