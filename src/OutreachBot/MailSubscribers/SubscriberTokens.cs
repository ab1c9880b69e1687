using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace OutreachBot.MailSubscribers;

public enum SubscriberTokenPurpose : byte
{
    /// <summary>The link in the confirmation mail: valid for <see cref="SubscriberTokens.ConfirmationLifetime"/>.</summary>
    Confirm = 1,

    /// <summary>The links in every mail (change topics or language, leave): valid until the subscriber's token version changes.</summary>
    Manage = 2,

    /// <summary>The link in an event application's confirmation mail (the id is the web request's): valid for <see cref="SubscriberTokens.ConfirmationLifetime"/>.</summary>
    ApplicationConfirm = 3,

    /// <summary>The cancel link in the mail confirming an event application (the id is the web request's).</summary>
    ApplicationCancel = 4,
}

public enum SubscriberTokenStatus
{
    Valid,

    /// <summary>Genuine but past its time: the page says to subscribe again.</summary>
    Expired,

    /// <summary>Forged, truncated, for another purpose, or from another installation.</summary>
    Invalid,
}

public readonly record struct SubscriberToken(SubscriberTokenStatus Status, long SubscriberId = 0, int TokenVersion = 0);

/// <summary>
/// Signed links for e-mail subscribers and for residents' event applications on the web, no password: the subscriber's id, the token version (raised when a subscriber
/// leaves, so old links stop working) and an expiry, protected with the data-protection keys the console shares with
/// every instance. The expiry is inside the signed payload, so an expired link is told apart from a forged one.
/// </summary>
public sealed class SubscriberTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);

    private const int PayloadLength = 1 + 8 + 4 + 8;
    private readonly IDataProtector _protector = protection.CreateProtector("OutreachBot.MailSubscribers.Links.v1");

    public string Create(SubscriberTokenPurpose purpose, long subscriberId, int tokenVersion)
    {
        var expires = purpose is SubscriberTokenPurpose.Confirm or SubscriberTokenPurpose.ApplicationConfirm ? time.GetUtcNow() + ConfirmationLifetime : DateTimeOffset.MaxValue;
        var payload = new byte[PayloadLength];
        payload[0] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), subscriberId);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(9), tokenVersion);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(13), expires.ToUnixTimeMilliseconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public SubscriberToken Read(string? token, SubscriberTokenPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return new(SubscriberTokenStatus.Invalid);
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return new(SubscriberTokenStatus.Invalid);
        }

        if (payload.Length != PayloadLength || payload[0] != (byte)purpose)
        {
            return new(SubscriberTokenStatus.Invalid);
        }

        var id = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
        var version = BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(9));
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(13));
        return time.GetUtcNow().ToUnixTimeMilliseconds() > expires
            ? new(SubscriberTokenStatus.Expired, id, version)
            : new(SubscriberTokenStatus.Valid, id, version);
    }
}
