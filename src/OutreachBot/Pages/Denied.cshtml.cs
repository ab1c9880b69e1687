using OutreachBot.StaffConsole;

namespace OutreachBot.Pages;

public sealed class DeniedModel : ConsolePage
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
