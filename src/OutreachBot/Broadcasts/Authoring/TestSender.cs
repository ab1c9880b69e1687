using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.LineSending;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>What a test send did: sent (with LINE's request id), refused for its input, or refused by LINE.</summary>
public sealed record TestSendResult(int SentTo, string Language, string? RequestId, Dictionary<string, Bilingual[]>? Errors = null, LineApiException? Failure = null)
{
    public bool Ok => Errors is null && Failure is null;

    /// <summary>The staff member's own address the mail went to, when the broadcast goes by e-mail too.</summary>
    public string? MailedTo { get; init; }

    /// <summary>Why the test mail did not go (the SMTP server's reply or the failure to reach it); the LINE part went.</summary>
    public string? MailFailure { get; init; }
}

/// <summary>
/// Sends a broadcast's messages at once to a few staff LINE accounts, to see them as citizens will; nothing is recorded
/// as delivered. Only to the LINE user ids of enabled staff accounts (each sets their own on the Account page): a test
/// send is no way to message citizens past approval. A multicast like the fan-out's, so it takes its turn under the same ceiling.
/// </summary>
public sealed class TestSender(
    BroadcastStore store, Staff.StaffAccountStore accounts, MulticastClient clients, MulticastRateLimiter rate, IOptions<BroadcastOptions> options)
{
    public async Task<TestSendResult?> SendAsync(long id, IEnumerable<string>? userIds, string? language, CancellationToken cancellationToken)
    {
        var broadcast = await store.FindAsync(id, cancellationToken);
        if (broadcast is null)
        {
            return null;
        }

        var lang = language is { Length: > 0 } && Languages.IsSupported(language) ? language : Languages.Japanese;
        var ids = (userIds ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var max = options.Value.MaxTestRecipients;
        if (ids.Count == 0 || ids.Count > max)
        {
            return new TestSendResult(0, lang, null, new()
            {
                ["userIds"] = [new($"職員のLINEユーザーIDを1〜{max}件指定してください。", $"Give 1 to {max} staff LINE user ids.")],
            });
        }

        var staff = await accounts.StaffLineUserIdsAsync(ids, cancellationToken);
        if (ids.Where(u => !staff.Contains(u)).ToList() is { Count: > 0 } others)
        {
            var list = string.Join(", ", others);
            return new TestSendResult(0, lang, null, new()
            {
                ["userIds"] = [new(
                    $"テスト送信は職員のLINEユーザーID（各自が「アカウント」で登録したもの）にだけ送れます。職員のものではないID: {list}",
                    $"A test send goes only to staff members' LINE user ids (each sets their own on the Account page); not a staff member's: {list}")],
            });
        }

        try
        {
            using var permit = await rate.WaitAsync(cancellationToken);
            var result = await clients.Create().MulticastAsync(ids, MessageCompiler.For(broadcast.MessagesJson, lang), cancellationToken: cancellationToken);
            return new TestSendResult(ids.Count, lang, result.RequestId);
        }
        catch (LineApiException ex)
        {
            return new TestSendResult(0, lang, ex.RequestId, Failure: ex);
        }
    }
}
