using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>Admins import an existing mail-magazine list from CSV: confirmed at once, nothing sent, with a report.</summary>
[RequestSizeLimit(MaxBytes)]
public sealed class MailSubscriberImportModel(MailSubscriberAdmin admin) : ConsolePage
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            AddError("file", new("CSVファイルを選んでください。", "Choose a CSV file."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Report = await admin.ImportAsync(stream, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        return Page();
    }
}
