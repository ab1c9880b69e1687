namespace OutreachBot.Groups;

/// <summary>
/// What residents read about a civic group: its fields of activity (ids of staff's list), the areas it works in (short
/// names), a description per language (Japanese always), an optional public contact and website, and whether it is
/// recruiting now.
/// </summary>
public sealed record GroupProfile(
    string Name,
    IReadOnlyList<long> Fields,
    IReadOnlyList<string> Areas,
    IReadOnlyDictionary<string, string> Descriptions,
    string? PublicContact,
    string? Website,
    bool Recruiting)
{
    /// <summary>The description in <paramref name="language"/>, else Easy Japanese's own fallback, else the Japanese.</summary>
    public string DescriptionIn(string language) =>
        TextCatalog.FallbackChain(language).Select(l => Descriptions.GetValueOrDefault(l)).FirstOrDefault(d => d is not null)
        ?? Descriptions[Languages.Japanese];
}

/// <param name="Profile">What residents see; null until staff first approve one.</param>
/// <param name="Pending">What the group (or staff) wrote since, waiting for an approver; null when nothing waits.</param>
/// <param name="ConfirmedAt">When the group last saved or confirmed its profile: the yearly 内容確認 counts from it.</param>
public sealed record CivicGroup(
    long Id,
    string Name,
    string ContactEmail,
    GroupProfile? Profile,
    GroupProfile? Pending,
    bool HasLogo,
    bool HasPendingLogo,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? PendingSince,
    DateTimeOffset ConfirmedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A logo as it is stored and served: PNG or JPEG bytes of at most <see cref="GroupLogos.MaxSide"/> pixels a side.</summary>
public sealed record GroupLogo(byte[] Bytes, string ContentType);
