using Microsoft.AspNetCore.Authorization;
using OutreachBot.Staff;

namespace OutreachBot.StaffConsole;

/// <summary>The console's authorization policies, one per rung of <see cref="StaffRole"/>; all on the console's cookie.</summary>
public static class ConsolePolicies
{
    public const string Read = "ConsoleRead";
    public const string Edit = "ConsoleEdit";
    public const string Approve = "ConsoleApprove";
    public const string Admin = "ConsoleAdmin";

    public static void Add(AuthorizationBuilder builder)
    {
        builder.AddPolicy(Read, AtLeast(StaffRole.Viewer))
            .AddPolicy(Edit, AtLeast(StaffRole.Editor))
            .AddPolicy(Approve, AtLeast(StaffRole.Approver))
            .AddPolicy(Admin, AtLeast(StaffRole.Admin))
            // Secure by default: a route that says nothing about authorization needs a signed-in staff member.
            // Public routes (health, the LINE webhook, sign-in) say AllowAnonymous, and a test lists them all.
            .SetFallbackPolicy(AtLeast(StaffRole.Viewer));
    }

    private static AuthorizationPolicy AtLeast(StaffRole role) =>
        new AuthorizationPolicyBuilder(StaffCookie.Scheme).RequireAuthenticatedUser().RequireRole(StaffRoles.AtLeast(role)).Build();
}
