using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages;

/// <summary>POST only (a link could sign someone out from another site); a GET just goes back to the dashboard.</summary>
[AllowPendingPasswordChange]
public sealed class SignOutModel(AuditLog audit) : ConsolePage
{
    public IActionResult OnGet() => LocalRedirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.WriteAsync(HttpContext, AuditActions.SignOut, User.Identity?.Name);
        await HttpContext.SignOutAsync(StaffCookie.Scheme);
        return LocalRedirect(StaffCookie.SignInPath);
    }
}
