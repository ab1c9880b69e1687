using Microsoft.Extensions.Options;
using OutreachBot.Throttling;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Failed sign-ins (wrong or unknown username, wrong password, a wrong current password on the change form) per client
/// address over the last minute. An address with <c>Console:SignInAttemptsPerMinute</c> of them has its further attempts
/// refused unchecked until the oldest is a minute old, so guessing costs a minute per handful of guesses. Successful
/// sign-ins are not counted: an office behind one address signs in freely. Each instance counts its own.
/// </summary>
public sealed class SignInThrottle(IOptions<ConsoleOptions> options, TimeProvider time)
{
    private readonly SlidingWindowCounts _failures = new(TimeSpan.FromMinutes(1), time);

    public bool Refuses(string address) => _failures.Reached(address, options.Value.SignInAttemptsPerMinute);

    public void RecordFailure(string address) => _failures.Add(address);
}
