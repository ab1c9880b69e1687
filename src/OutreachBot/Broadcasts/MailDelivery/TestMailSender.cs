using MimeKit;
using MimeKit.Utils;
using OutreachBot.Mail;
using OutreachBot.Staff;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>
/// The mail half of a test send: a broadcast with the e-mail channel is also mailed, rendered as subscribers get it, to
/// the address the staff member set on their Account page, and to no one else.
/// </summary>
public sealed class TestMailSender(BroadcastStore store, StaffEmails emails, StaffAccountStore accounts, BroadcastMailRenderer renderer, IMailTransport transport)
{
    public static readonly Bilingual NoAddress = new(
        "この配信はメールでも送られます。テスト送信の前に「アカウント」であなたのメールアドレスを登録してください。",
        "This broadcast also goes by e-mail: set your e-mail address on your account page before a test send.");

    /// <summary>The actor's own address when the broadcast goes by e-mail (null when it does not), or why a test send cannot mail it.</summary>
    public async Task<(string? Address, Bilingual? Problem)> AddressAsync(long broadcastId, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.FindAsync(broadcastId, cancellationToken) is not { } broadcast || !broadcast.Channels.Contains(BroadcastChannel.Mail))
        {
            return (null, null);
        }

        var account = actor.Username is { } username ? await accounts.FindAsync(username, cancellationToken) : null;
        var address = account is null ? null : await emails.FindAsync(account.Id, cancellationToken);
        return address is null ? (null, NoAddress) : (address, null);
    }

    /// <summary>Sends the test mail; null when the server accepted it, else its refusal or the failure to reach it.</summary>
    public async Task<string?> SendAsync(long broadcastId, string address, string language, CancellationToken cancellationToken)
    {
        var broadcast = await store.FindAsync(broadcastId, cancellationToken)
                        ?? throw new InvalidOperationException($"Broadcast {broadcastId} is gone.");
        var mail = renderer.Render(
            new BroadcastMailContent(broadcast.Id, 0, broadcast.Title, broadcast.MessagesJson, broadcast.MailSubjects),
            new MailRecipient(0, address, language, 0));
        mail.Subject = $"[テスト / Test] {mail.Subject}";
        // Not a delivery: each test send is its own mail, not a duplicate of the last one a client would hide.
        mail.MessageId = MimeUtils.GenerateMessageId(((MailboxAddress)mail.From[0]).Domain);
        try
        {
            var outcome = await transport.SendOneAsync(mail, cancellationToken);
            return outcome.Kind == MailOutcomeKind.Accepted ? null : outcome.Reply ?? outcome.Kind.ToString();
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException
            or MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            return ex.Message;
        }
    }
}
