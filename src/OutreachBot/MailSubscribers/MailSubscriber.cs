namespace OutreachBot.MailSubscribers;

/// <summary>The values of <c>mail_subscribers.status</c>.</summary>
public static class MailSubscriberStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Unsubscribed = "unsubscribed";
    public const string Suppressed = "suppressed";

    public static IReadOnlyList<string> All { get; } = [Pending, Confirmed, Unsubscribed, Suppressed];
}

/// <summary>One resident who subscribed by e-mail; <see cref="Address"/> is null once they left or were removed.</summary>
public sealed record MailSubscriber
{
    public long Id { get; init; }

    public string? Address { get; init; }

    public required string Language { get; init; }

    public required string Status { get; init; }

    public required string Source { get; init; }

    public int TokenVersion { get; init; }

    public DateTimeOffset? ConfirmationSentAt { get; init; }

    public DateTimeOffset? OptedInAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    public string? LastFailure { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
