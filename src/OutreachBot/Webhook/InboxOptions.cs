using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Webhook;

public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>How many webhook requests one database transaction may store together under load.</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerCommit { get; set; } = 256;

    /// <summary>How many events (of different citizens) are handled at once.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>After this many failed tries an event is parked for staff to look at.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claimed event stays with its instance; after a crash it is handled again once this passes. It must
    /// outlast a LINE call with all its retries (<c>Line:TotalTimeout</c>) by <see cref="LeaseMargin"/>: an event is
    /// only started while that much of its lease is left, and its handling is stopped before the lease ends.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Slack for clocks that differ between instances and for recording the outcome before the lease ends.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>How often the processor looks for due retries when nothing new arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
