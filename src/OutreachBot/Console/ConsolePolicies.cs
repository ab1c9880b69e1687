using Microsoft.AspNetCore.Authorization;

namespace OutreachBot.StaffConsole;

/// <summary>The console's authorization policies, one per rung of <see cref="StaffRole"/>; all on the console's cookie.</summary>
public static class ConsolePolicies
{
    public const string Read = "ConsoleRead";
    public const string Edit = "ConsoleEdit";
    public const string Approve = "ConsoleApprove";
    public const string Admin = "ConsoleAdmin";

    /// <summary>A civic group's account: its own pages only. No rung above admits it, and it admits no staff.</summary>
    public const string Group = "ConsoleGroup";

    /// <summary>Anyone signed in to the console, staff or group: signing out, changing one's password, the refusal page.</summary>
    public const string SignedIn = "ConsoleSignedIn";

    public static void Add(AuthorizationBuilder builder) =>
        builder.AddRungs(StaffCookie.Scheme, Read, Edit, Approve, Admin)
            .AddPolicy(Group, new AuthorizationPolicyBuilder(StaffCookie.Scheme).RequireAuthenticatedUser().RequireRole(StaffRoles.Group).Build())
            .AddPolicy(SignedIn, new AuthorizationPolicyBuilder(StaffCookie.Scheme).RequireAuthenticatedUser()
                .RequireRole([.. StaffRoles.AtLeast(StaffRole.Viewer), StaffRoles.Group]).Build())
            // Secure by default: a route that says nothing about authorization needs a signed-in staff member.
            // Public routes (health, the LINE webhook, sign-in) say AllowAnonymous, and a test lists them all.
            .SetFallbackPolicy(StaffPolicies.AtLeast(StaffRole.Viewer, StaffCookie.Scheme));

    /// <summary>The folder of a civic group's own pages (<c>/console/group</c>).</summary>
    public const string GroupFolder = "/GroupPortal";

    private static readonly string[] SharedPages = ["/SignOut", "/Denied", "/Account/Password"];

    /// <summary>
    /// The policy a console page needs unless its convention says more: a group's own pages the group's, the pages
    /// everyone signed in uses that, and every other page a staff member's. A page is never both staff's and a group's.
    /// </summary>
    public static string ForPage(string viewEnginePath) =>
        viewEnginePath.StartsWith(GroupFolder + "/", StringComparison.OrdinalIgnoreCase) ? Group
        : SharedPages.Contains(viewEnginePath, StringComparer.OrdinalIgnoreCase) ? SignedIn
        : Read;

    /// <summary>A group's own page, where a group account starts.</summary>
    public const string GroupHome = "/console/group";

    /// <summary>Where a signed-in account starts: a group on its own page, staff on the dashboard.</summary>
    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user?.IsInRole(StaffRoles.Group) == true ? GroupHome : "/console";

    public static string HomeOf(StaffAccount account) => account?.Role == StaffRole.Group ? GroupHome : "/console";
}
