using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OutreachBot.LineSending;

/// <summary>
/// A batch's <c>X-Line-Retry-Key</c>, derived from what the snapshot committed: the run's random nonce, the batch's
/// number and its key generation. The key is therefore fixed in the same transaction as the batch (a crash cannot lose
/// it), costs no column or SQL function per dialect, and changes exactly when the generation does.
/// </summary>
/// <remarks>
/// The generation moves only while no request with the current key may have reached LINE. Then dropping citizens who
/// unfollowed changes the recipient list, and a new key keeps "one key, one exact list" true. Once a request may have
/// reached LINE (no answer, a 5xx, a crash mid-call) the list and key are frozen: a retry must repeat that request
/// exactly, so that LINE either answers 409 (it was delivered) or delivers it now; a new key could deliver twice.
/// </remarks>
public static class RetryKeys
{
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
