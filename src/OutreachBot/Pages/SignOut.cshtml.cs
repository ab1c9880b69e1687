using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages;

/// <summary>POST only (a link could sign someone out from another site); a GET just goes back to the dashboard.</summary>
[AllowPendingPasswordChange]
public sealed class SignOutModel(StaffSessions sessions) : ConsolePage
{
    public IActionResult OnGet() => LocalRedirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(HttpContext);
        return LocalRedirect(StaffCookie.SignInPath);
    }
}
