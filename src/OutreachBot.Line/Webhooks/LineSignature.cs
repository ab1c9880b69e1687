using System.Security.Cryptography;
using System.Text;

namespace OutreachBot.Line.Webhooks;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
}

/// <summary>
/// <c>x-line-signature</c> = Base64(HMAC-SHA256(channel secret, raw body bytes)). Checked before the body is parsed.
/// </summary>
public static class LineSignature
{
    private const int HashSize = HMACSHA256.HashSizeInBytes;

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? signatureHeader, ReadOnlySpan<byte> channelSecret)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.Missing;
        }

        Span<byte> given = stackalloc byte[HashSize];
        if (!Convert.TryFromBase64String(signatureHeader, given, out var written) || written != HashSize)
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> expected = stackalloc byte[HashSize];
        HMACSHA256.HashData(channelSecret, body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? signatureHeader, string channelSecret) =>
        Verify(body, signatureHeader, Encoding.UTF8.GetBytes(channelSecret));

    public static string Compute(ReadOnlySpan<byte> body, string channelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
}
