using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.LineSending;

/// <summary>
/// Every <c>X-Line-Retry-Key</c> the bot sends, derived from what is being sent, so that sending the same thing again
/// (an event handled again after a crash, a staff member's double click, a batch retried) reuses the key and LINE
/// delivers it once.
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

    /// <summary>
    /// A fan-out batch's key, derived from what the snapshot committed: the run's random nonce, the batch's number and
    /// its key generation. The key is therefore fixed in the same transaction as the batch (a crash cannot lose it),
    /// costs no column or SQL function per dialect, and changes exactly when the generation does.
    /// </summary>
    /// <remarks>
    /// The generation moves only while no request with the current key may have reached LINE. Then dropping citizens who
    /// unfollowed changes the recipient list, and a new key keeps "one key, one exact list" true. Once a request may have
    /// reached LINE (no answer, a 5xx, a crash mid-call) the list and key are frozen: a retry must repeat that request
    /// exactly, so that LINE either answers 409 (it was delivered) or delivers it now; a new key could deliver twice.
    /// Batches already in the ledger carry keys made this way, so it stays as it is rather than going through
    /// <see cref="From"/>.
    /// </remarks>
    public static Guid Derive(Guid nonce, int seq, int generation)
    {
        Span<byte> input = stackalloc byte[24];
        nonce.TryWriteBytes(input);
        BinaryPrimitives.WriteInt32BigEndian(input[16..], seq);
        BinaryPrimitives.WriteInt32BigEndian(input[20..], generation);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        // Shaped as a version 4 UUID, which is what LINE asks for; its bits are as unpredictable as the nonce.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
