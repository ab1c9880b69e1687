using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OutreachBot.Conversations;

/// <summary>
/// A token bucket per citizen for the bot's automated answers: <see cref="ConversationOptions.AnswerBurst"/> at once,
/// then <see cref="ConversationOptions.AnswersPerMinute"/>. A citizen who floods the bot is not answered for a while,
/// so one person cannot spend the month's push quota or the LINE rate limit; what their events change is still stored.
/// </summary>
public sealed class AnswerThrottle(IOptions<ConversationOptions> options, TimeProvider time)
{
    /// <summary>Beyond this many citizens tracked, those whose bucket has filled up again are forgotten.</summary>
    private const int TrackedBeforeSweep = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one answer from the citizen's bucket; false when it is empty.</summary>
    public bool TryTake(string userId)
    {
        var now = time.GetTimestamp();
        if (_buckets.Count > TrackedBeforeSweep)
        {
            Sweep(now);
        }

        var bucket = _buckets.GetOrAdd(userId, _ => new Bucket(options.Value.AnswerBurst, now));
        lock (bucket)
        {
            Refill(bucket, now);
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private void Refill(Bucket bucket, long now)
    {
        var perSecond = options.Value.AnswersPerMinute / 60.0;
        var gained = time.GetElapsedTime(bucket.At, now).TotalSeconds * perSecond;
        bucket.Tokens = Math.Min(options.Value.AnswerBurst, bucket.Tokens + gained);
        bucket.At = now;
    }

    private void Sweep(long now)
    {
        foreach (var (userId, bucket) in _buckets)
        {
            lock (bucket)
            {
                Refill(bucket, now);
                if (bucket.Tokens >= options.Value.AnswerBurst)
                {
                    _buckets.TryRemove(userId, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
