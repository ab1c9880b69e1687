using Microsoft.AspNetCore.Authorization;

namespace OutreachBot.Staff;

/// <summary>The ladder of <see cref="StaffRole"/> as authorization policies: the console's cookie and the API's keys admit by the same rungs.</summary>
public static class StaffPolicies
{
    /// <summary>One policy per rung, on <paramref name="scheme"/> only, named as the caller names them.</summary>
    public static AuthorizationBuilder AddRungs(
        this AuthorizationBuilder builder, string scheme, string viewer, string editor, string approver, string admin)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPolicy(viewer, AtLeast(StaffRole.Viewer, scheme))
            .AddPolicy(editor, AtLeast(StaffRole.Editor, scheme))
            .AddPolicy(approver, AtLeast(StaffRole.Approver, scheme))
            .AddPolicy(admin, AtLeast(StaffRole.Admin, scheme));
    }

    /// <summary>A signed-in staff member (or key) of <paramref name="role"/> or above, as <paramref name="scheme"/> states it.</summary>
    public static AuthorizationPolicy AtLeast(StaffRole role, string scheme) =>
        new AuthorizationPolicyBuilder(scheme).RequireAuthenticatedUser().RequireRole(StaffRoles.AtLeast(role)).Build();
}
