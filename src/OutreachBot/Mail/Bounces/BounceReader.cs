using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OutreachBot.Mail.Bounces;

/// <summary>What one poll of the bounce mailbox did: reports counted, failures recorded, mails left for a person.</summary>
public sealed record BouncePoll(int Reports, int Failures, int LeftForPeople);

/// <summary>
/// Reads the bounce mailbox (<c>Mail:BounceImap*</c>) over IMAP: each delivery status notification with failed
/// recipients counts one permanent failure per recipient, as an SMTP 5xx would, and is then marked \Seen and deleted.
/// Delays and other mails stay, unmarked, for a person.
/// </summary>
public sealed partial class BounceReader(
    IOptions<MailOptions> options, MailSuppression suppression, BounceReports reports, TimeProvider time, ILogger<BounceReader> logger)
{
    /// <summary>At most this many mails are read per poll, so one poll stays short; the next poll reads on.</summary>
    public const int MailsPerPoll = 500;

    public async Task<BouncePoll> PollAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.BouncesConfigured)
        {
            throw new InvalidOperationException("Mail:BounceImapHost is not set: there is no bounce mailbox to read.");
        }

        using var client = new ImapClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.BounceImapHost!, settings.BounceImapPort, SocketOptions(settings.BounceImapSecurity), cancellationToken);
        await client.AuthenticateAsync(settings.BounceImapUserName ?? "", settings.BounceImapPassword ?? "", cancellationToken);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);

        var (counted, failures, left) = (0, 0, 0);
        var done = new List<UniqueId>();
        // Flags are fetched and filtered here rather than searched: some servers answer no SEARCH but ALL.
        var summaries = inbox.Count == 0 ? [] : await inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags, cancellationToken);
        foreach (var uid in summaries.Where(s => s.Flags?.HasFlag(MessageFlags.Deleted) != true).Select(s => s.UniqueId).Take(MailsPerPoll))
        {
            MimeMessage message;
            try
            {
                message = await inbox.GetMessageAsync(uid, cancellationToken);
            }
            catch (MessageNotFoundException)
            {
                // Another instance's poll deleted it first.
                continue;
            }

            var failed = DeliveryReport.FailedRecipients(message);
            if (failed.Count == 0)
            {
                left++;
                continue;
            }

            var now = time.GetUtcNow();
            if (await reports.ClaimAsync(Key(message), now, cancellationToken))
            {
                foreach (var recipient in failed)
                {
                    await suppression.RecordPermanentFailureAsync(recipient.Address, recipient.Reply, now, cancellationToken);
                }

                counted++;
                failures += failed.Count;
            }

            done.Add(uid);
            await inbox.AddFlagsAsync(uid, MessageFlags.Seen | MessageFlags.Deleted, silent: true, cancellationToken);
        }

        if (done.Count > 0)
        {
            // Only what this poll deleted, where the server can say so; a person's own deletions are theirs to expunge.
            await (client.Capabilities.HasFlag(ImapCapabilities.UidPlus) ? inbox.ExpungeAsync(done, cancellationToken) : inbox.ExpungeAsync(cancellationToken));
        }

        await reports.PruneAsync(time.GetUtcNow(), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogPoll(logger, counted, failures, done.Count - counted, left);
        return new BouncePoll(counted, failures, left);
    }

    /// <summary>The report's Message-ID, or a hash of its bytes when it has none.</summary>
    private static string Key(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return "id:" + message.MessageId;
        }

        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Bounce mailbox read: {Reports} delivery reports counted ({Failures} failed recipients), {Again} counted before, {Left} mails left for a person")]
    private static partial void LogPoll(ILogger logger, int reports, int failures, int again, int left);
}
