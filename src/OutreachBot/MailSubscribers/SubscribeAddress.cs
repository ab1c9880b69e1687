using System.Text.RegularExpressions;
using MimeKit;

namespace OutreachBot.MailSubscribers;

/// <summary>What the form accepts as an address: one bare mailbox (no display name, no list), of a usual shape, at most 254 characters.</summary>
public static partial class SubscribeAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? input)
    {
        var address = input?.Trim();
        return address is { Length: > 0 and <= MaxLength }
               && Shape().IsMatch(address)
               && MailboxAddress.TryParse(address, out var mailbox)
               && string.Equals(mailbox.Address, address, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[^@\s""<>(),;:\\\[\]]+\.[^@\s""<>(),;:\\\[\].]+$")]
    private static partial Regex Shape();
}
