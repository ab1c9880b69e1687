using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OutreachBot.StaffConsole;

/// <summary>A page a staff member may open while they still must change their password (sign-in, the change itself).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowPendingPasswordChangeAttribute : Attribute;

/// <summary>Until a staff member has replaced a bootstrap or reset password, every other console page sends them to change it.</summary>
internal sealed class PasswordChangeGate : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.MustChangePasswordNow()
            && !context.HandlerInstance.GetType().IsDefined(typeof(AllowPendingPasswordChangeAttribute), inherit: true))
        {
            context.Result = new RedirectResult(StaffCookie.PasswordPath);
            return;
        }

        await next();
    }
}
