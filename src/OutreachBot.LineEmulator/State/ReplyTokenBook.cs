using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OutreachBot.LineEmulator.State;

/// <summary>
/// Reply tokens as LINE issues them: one per webhook event, usable once, for a short time.
/// </summary>
public sealed class ReplyTokenBook(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, Issued> _tokens = new(StringComparer.Ordinal);

    public string Issue(string userId)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = new Issued(userId, time.GetUtcNow() + lifetime);
        return token;
    }

    public ReplyTokenRedemption Redeem(string token)
    {
        if (!_tokens.TryRemove(token, out var issued))
        {
            return new ReplyTokenRedemption(ReplyTokenStatus.Unknown, null);
        }

        return issued.ExpiresAt < time.GetUtcNow()
            ? new ReplyTokenRedemption(ReplyTokenStatus.Expired, issued.UserId)
            : new ReplyTokenRedemption(ReplyTokenStatus.Valid, issued.UserId);
    }

    private sealed record Issued(string UserId, DateTimeOffset ExpiresAt);
}

public enum ReplyTokenStatus { Valid, Unknown, Expired }

public sealed record ReplyTokenRedemption(ReplyTokenStatus Status, string? UserId);
