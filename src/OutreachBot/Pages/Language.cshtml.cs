using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages;

/// <summary>
/// Switches the console between Japanese (the default) and English. Open to anyone, the sign-in page included: it
/// only sets a preference cookie, and like every form it needs the anti-forgery token.
/// </summary>
[AllowPendingPasswordChange]
public sealed class LanguageModel : ConsolePage
{
    public IActionResult OnGet() => LocalRedirect("/console");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        var culture = language == "en" ? "en" : "ja";
        Response.Cookies.Append(
            ConsoleExtensions.LanguageCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                IsEssential = true,
            });
        return LocalRedirectOr(returnUrl, "/console");
    }
}
