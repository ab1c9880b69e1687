using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Conversations;

/// <summary>
/// <c>X-Line-Retry-Key</c>s derived from what is being sent, so that sending the same thing again (an event handled
/// again after a crash, a staff member's double click) reuses the key and LINE delivers it once.
/// </summary>
public static class RetryKeys
{
    /// <summary>A UUID (version 8, application-defined) made from <paramref name="seed"/>.</summary>
    public static Guid From(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
