using Microsoft.AspNetCore.Authorization;

namespace OutreachBot.StaffConsole;

/// <summary>The console's authorization policies, one per rung of <see cref="StaffRole"/>; all on the console's cookie.</summary>
public static class ConsolePolicies
{
    public const string Read = "ConsoleRead";
    public const string Edit = "ConsoleEdit";
    public const string Approve = "ConsoleApprove";
    public const string Admin = "ConsoleAdmin";

    public static void Add(AuthorizationBuilder builder) =>
        builder.AddRungs(StaffCookie.Scheme, Read, Edit, Approve, Admin)
            // Secure by default: a route that says nothing about authorization needs a signed-in staff member.
            // Public routes (health, the LINE webhook, sign-in) say AllowAnonymous, and a test lists them all.
            .SetFallbackPolicy(StaffPolicies.AtLeast(StaffRole.Viewer, StaffCookie.Scheme));
}
