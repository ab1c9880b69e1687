using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Groups;

/// <summary>The <c>Groups</c> settings: how long an invitation link works and how often groups confirm their profile.</summary>
public sealed class GroupsOptions
{
    public const string Section = "Groups";

    /// <summary>How long a group's invitation link may be used (once).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A group whose profile was not saved or confirmed for this long is asked by e-mail to confirm it (内容確認).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")]
    public TimeSpan ConfirmEvery { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often groups due for 内容確認 are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ConfirmPollInterval { get; set; } = TimeSpan.FromHours(1);
}
