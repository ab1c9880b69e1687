using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OutreachBot.Mail;

/// <summary>Sends through the SMTP relay in <c>Mail:SmtpHost</c> with MailKit: TLS as configured, authenticated when a user name is set.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException(MailChannel.NotConfigured.En), settings.SmtpPort, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task<MailOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
                return MailOutcome.Accepted;
            }
            catch (SmtpCommandException ex)
            {
                var reply = $"{(int)ex.StatusCode} {ex.Message}";
                return (int)ex.StatusCode >= 500
                    ? new MailOutcome(MailOutcomeKind.Permanent, reply)
                    : new MailOutcome(MailOutcomeKind.Transient, reply, ConnectionLost: !client.IsConnected);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return new MailOutcome(MailOutcomeKind.Transient, ex.Message, ConnectionLost: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The server went away first; there is nothing left to close politely.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
