namespace OutreachBot.Staff;

/// <summary>A staff member's console account. The password hash never leaves <see cref="StaffAccountStore"/> and sign-in.</summary>
public sealed record StaffAccount
{
    public long Id { get; init; }

    /// <summary>Lower-case; how the staff member signs in.</summary>
    public required string Username { get; init; }

    public required string DisplayName { get; init; }

    public StaffRole Role { get; init; }

    public bool MustChangePassword { get; init; }

    public bool Disabled { get; init; }

    /// <summary>Until when sign-in from some address is refused after too many wrong passwords from it; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Changes with the password, role or status; a session carrying an older stamp is ended.</summary>
    public required string SecurityStamp { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>The staff member's own LINE user id (<c>U</c> and 32 hex digits), for test sends to themselves.</summary>
    public string? LineUserId { get; init; }

    public static bool IsLineUserId(string? value) =>
        value is { Length: 33 } && value[0] == 'U' && value.Skip(1).All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>False for an account made for an API key in the settings: it cannot sign in to the console until an admin sets a password.</summary>
    public bool HasPassword { get; init; } = true;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>What a username may be: 2-40 letters, digits, dots, underscores or hyphens.</summary>
    public static bool IsUsername(string? value) =>
        value is { Length: >= 2 and <= 40 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}

/// <summary>What an admin writes when creating or changing an account.</summary>
public sealed record StaffAccountDraft(string Username, string DisplayName, StaffRole Role);
