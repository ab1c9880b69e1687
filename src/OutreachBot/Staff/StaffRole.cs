namespace OutreachBot.Staff;

/// <summary>
/// What a staff member may do, a ladder: a viewer reads; an editor also writes topics (and later broadcasts and
/// events); an approver also approves broadcasts; an admin also manages accounts, API keys and reads the audit log.
/// <see cref="Group"/> is below the ladder and not on it: a civic group's account, which no staff policy admits.
/// </summary>
public enum StaffRole
{
    Group = -1,
    Viewer,
    Editor,
    Approver,
    Admin,
}

public static class StaffRoles
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Approver = "approver";
    public const string Admin = "admin";
    public const string Group = "group";

    public static IReadOnlyList<StaffRole> All { get; } = [StaffRole.Viewer, StaffRole.Editor, StaffRole.Approver, StaffRole.Admin];

    public static string Code(this StaffRole role) => role switch
    {
        StaffRole.Viewer => Viewer,
        StaffRole.Editor => Editor,
        StaffRole.Approver => Approver,
        StaffRole.Admin => Admin,
        StaffRole.Group => Group,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static StaffRole? Parse(string? code) => code switch
    {
        Viewer => StaffRole.Viewer,
        Editor => StaffRole.Editor,
        Approver => StaffRole.Approver,
        Admin => StaffRole.Admin,
        _ => null,
    };

    /// <summary>The role codes at or above <paramref name="least"/>: the roles a policy admits.</summary>
    public static string[] AtLeast(StaffRole least) => [.. All.Where(r => r >= least).Select(Code)];

    public static Bilingual Label(this StaffRole role) => role switch
    {
        StaffRole.Viewer => new("閲覧者", "Viewer"),
        StaffRole.Editor => new("編集者", "Editor"),
        StaffRole.Approver => new("承認者", "Approver"),
        StaffRole.Group => new("団体", "Group"),
        _ => new("管理者", "Admin"),
    };
}
