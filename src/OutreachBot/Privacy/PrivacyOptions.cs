using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Privacy;

/// <summary>The <c>Privacy</c> settings: how long personal data is kept before <see cref="RetentionSweep"/> reduces it.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Handled webhook events keep their raw payload (message texts, user ids) this long; then only their type, time and id.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A citizen who unfollowed (or blocked) this long ago is anonymised as if they had asked.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan UnfollowedRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>A question and the replies to it keep their text this long after they were sent (the counts stay).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ConsultationRetention { get; set; } = TimeSpan.FromDays(3 * 365);
}
