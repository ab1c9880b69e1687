using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;

namespace OutreachBot.LineSending;

/// <summary>The fan-out's multicasts under <c>Broadcasts:MulticastPerSecond</c> (LINE: 200 a second per channel).</summary>
public sealed class MulticastRateLimiter(IOptions<BroadcastOptions> options, TimeProvider time, IRateShare share)
    : SpacedRateLimiter(options.Value.MulticastPerSecond, time, share);

/// <summary>
/// Every push the process makes under <c>Broadcasts:PushPerSecond</c> (LINE: 2,000 a second per channel): chat answers
/// past their reply token, staff's answers to questions, anything else. <see cref="PushRateGate"/> puts it in front of
/// every HTTP client the bot has, so no caller can push around it.
/// </summary>
public sealed class PushRateLimiter(IOptions<BroadcastOptions> options, TimeProvider time, IRateShare share)
    : SpacedRateLimiter(options.Value.PushPerSecond, time, share);
