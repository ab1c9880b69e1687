using Microsoft.Extensions.Options;
using OutreachBot.LineSending;

namespace OutreachBot.Broadcasts;

/// <summary>The <c>Broadcasts</c> settings: approval, quiet hours, misfires, the fan-out's rate and its retries.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>A broadcast needs an approver other than its author before it is scheduled.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>Start of the nightly quiet hours in <c>Bot:TimeZone</c>; a broadcast set inside them is refused unless urgent.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>End of the quiet hours (exclusive). Equal to the start turns quiet hours off.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>A firing missed while the bot was down still goes out at start-up when it is at most this late; older ones are marked missed.</summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When reminders go out before their event.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Multicast requests per rolling second, counted the strict way: no one-second window ever holds more.
    /// LINE documents 200 per channel. 0 turns the ceiling off. For the whole channel: several instances split it (<see cref="ClusterRateShare"/>).
    /// </summary>
    public int MulticastPerSecond { get; set; } = 200;

    /// <summary>
    /// Push requests per rolling second, counted as <see cref="MulticastPerSecond"/>, for every push the bot makes (answers
    /// past their reply token, staff's answers to questions). LINE documents 2,000 per channel. 0 turns the ceiling off.
    /// </summary>
    public int PushPerSecond { get; set; } = 2000;

    /// <summary>Multicast requests in flight at once.</summary>
    public int MaxInFlight { get; set; } = 32;

    /// <summary>Recipients per multicast (LINE allows at most 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Recipients the snapshot commits at a time. Senders start on a chunk's batches once it is committed, while later
    /// chunks are still written; a crash resumes after the last committed chunk.
    /// </summary>
    public int SnapshotChunk { get; set; } = 10_000;

    /// <summary>How long a claimed batch (or a snapshot being written) belongs to its instance; after a crash another instance takes it over once this passes.</summary>
    public TimeSpan BatchLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One multicast attempt's timeout; no answer in time counts as "maybe sent" and is retried with the same key.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A batch still failing this long after its key first went out is marked failed: LINE forgets retry keys after
    /// 24 hours, and a retry after that could deliver a second time.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(23);

    /// <summary>
    /// While the database is away, a firing and the fan-out's outcomes are retried with a back-off that grows to this,
    /// without ever giving up; once it answers they go on within this long.
    /// </summary>
    public TimeSpan OutageRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the fan-out looks for due batches when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Check the month's remaining message quota before a broadcast goes out, and hold it when it would not fit.</summary>
    public bool CheckQuota { get; set; } = true;

    /// <summary>Most recipients of one test send.</summary>
    public int MaxTestRecipients { get; set; } = 20;

    /// <summary>The Quartz scheduler's name; every instance sharing a database must use the same one.</summary>
    public string SchedulerName { get; set; } = "OutreachBot";
}

internal sealed class BroadcastOptionsValidator : IValidateOptions<BroadcastOptions>
{
    public ValidateOptionsResult Validate(string? name, BroadcastOptions o)
    {
        var failures = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(message);
            }
        }

        Check(o.MulticastPerSecond is >= 0 and <= 100_000, "Broadcasts:MulticastPerSecond must be 0 (off) to 100000.");
        Check(o.PushPerSecond is >= 0 and <= 100_000, "Broadcasts:PushPerSecond must be 0 (off) to 100000.");
        Check(o.MaxInFlight is >= 1 and <= 1024, "Broadcasts:MaxInFlight must be 1 to 1024.");
        Check(o.BatchSize is >= 1 and <= Line.Messaging.LineLimits.MulticastRecipients, "Broadcasts:BatchSize must be 1 to 500.");
        Check(o.SnapshotChunk is >= 1 and <= 1_000_000, "Broadcasts:SnapshotChunk must be 1 to 1000000.");
        Check(o.MisfireGrace >= TimeSpan.Zero && o.MisfireGrace <= TimeSpan.FromDays(7), "Broadcasts:MisfireGrace must be 0 to 7 days.");
        Check(o.ReminderLeadTime > TimeSpan.Zero && o.ReminderLeadTime <= TimeSpan.FromDays(30), "Broadcasts:ReminderLeadTime must be positive and at most 30 days.");
        Check(o.AttemptTimeout >= TimeSpan.FromMilliseconds(100) && o.AttemptTimeout <= TimeSpan.FromMinutes(5), "Broadcasts:AttemptTimeout must be 100 ms to 5 minutes.");
        Check(o.BatchLease > o.AttemptTimeout + TimeSpan.FromSeconds(1), "Broadcasts:BatchLease must be longer than Broadcasts:AttemptTimeout plus a second, or a batch could be claimed twice while in flight.");
        Check(o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay, "Broadcasts:FirstRetryDelay must be positive and Broadcasts:MaxRetryDelay not shorter.");
        Check(o.GiveUpAfter > TimeSpan.Zero && o.GiveUpAfter < Line.Messaging.LineLimits.RetryKeyLifetime, "Broadcasts:GiveUpAfter must be positive and under LINE's 24-hour retry key lifetime.");
        Check(o.PollInterval >= TimeSpan.FromMilliseconds(10) && o.PollInterval <= TimeSpan.FromMinutes(1), "Broadcasts:PollInterval must be 10 ms to a minute.");
        Check(o.OutageRetryMaxDelay >= TimeSpan.FromMilliseconds(1) && o.OutageRetryMaxDelay <= TimeSpan.FromMinutes(1), "Broadcasts:OutageRetryMaxDelay must be 1 ms to a minute.");
        Check(o.MaxTestRecipients is >= 1 and <= Line.Messaging.LineLimits.MulticastRecipients, "Broadcasts:MaxTestRecipients must be 1 to 500.");
        Check(!string.IsNullOrWhiteSpace(o.SchedulerName), "Broadcasts:SchedulerName is required.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
