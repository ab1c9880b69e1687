using Microsoft.Extensions.Options;
using OutreachBot.Throttling;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// Sign-ups per client address over the last hour, so that one machine cannot make the form mail many addresses. Each
/// instance counts its own, as the console's sign-in throttle does.
/// </summary>
public sealed class SubscribeThrottle(IOptions<MailSubscriberOptions> options, TimeProvider time)
{
    private readonly SlidingWindowCounts _attempts = new(TimeSpan.FromHours(1), time);

    /// <summary>Counts an attempt from <paramref name="address"/>; false when the address already used up its hour.</summary>
    public bool TryTake(string address) => _attempts.TryAdd(address, options.Value.SubscribesPerIpPerHour);
}
