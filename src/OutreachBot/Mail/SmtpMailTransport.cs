using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OutreachBot.Mail;

/// <summary>
/// Sends through the SMTP relay in <c>Mail:SmtpHost</c> with MailKit: TLS as configured, authenticated when a user name
/// is set, and DKIM-signed just before sending when a key is configured.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private readonly DkimMailSigner? _signer = DkimMailSigner.From(options.Value);

    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.SmtpHost ?? throw new InvalidOperationException(MailChannel.NotConfigured.En);
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        Socket? socket = null;
        try
        {
            try
            {
                socket = await OpenSocketAsync(host, settings, cancellationToken);
                await client.ConnectAsync(socket, host, settings.SmtpPort, SocketOptions(settings.Security), cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or SslHandshakeException or TimeoutException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new MailConnectException($"Could not connect to the SMTP server {host}:{settings.SmtpPort} (Mail:SmtpHost, Mail:SmtpPort, Mail:Security {settings.Security}): {ex.Message}", ex);
            }

            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await AuthenticateAsync(client, settings, cancellationToken);
            }

            return new Connection(client, _signer);
        }
        catch
        {
            client.Dispose();
            socket?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The connection's socket, with Nagle's algorithm off: SMTP waits for a reply after every command and after the
    /// mail's last bytes, and with Nagle on those last bytes could wait for the server's delayed acknowledgement first.
    /// </summary>
    private static async Task<Socket> OpenSocketAsync(string host, MailOptions settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            await socket.ConnectAsync(host, settings.SmtpPort, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task AuthenticateAsync(SmtpClient client, MailOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await client.AuthenticateAsync(settings.UserName ?? "", settings.Password ?? "", cancellationToken);
        }
        catch (AuthenticationException ex)
        {
            throw new MailConnectException($"The SMTP server {settings.SmtpHost} refused the user name or password (Mail:UserName, Mail:Password): {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new MailConnectException($"The SMTP server {settings.SmtpHost} offers no sign-in this connection can use; check Mail:Security: {ex.Message}", ex);
        }
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private sealed class Connection(SmtpClient client, DkimMailSigner? signer) : IMailConnection
    {
        public async Task<MailOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            signer?.Sign(message);
            try
            {
                await client.SendAsync(message, cancellationToken);
                return MailOutcome.Accepted;
            }
            catch (SmtpCommandException ex)
            {
                var reply = $"{(int)ex.StatusCode} {ex.Message}";
                return (int)ex.StatusCode >= 500
                    ? new MailOutcome(MailOutcomeKind.Permanent, reply, ConnectionLost: !client.IsConnected)
                    : new MailOutcome(MailOutcomeKind.Transient, reply, ConnectionLost: !client.IsConnected);
            }
            catch (ServiceNotAuthenticatedException ex)
            {
                return new MailOutcome(MailOutcomeKind.Transient, $"530 {ex.Message} (Mail:UserName, Mail:Password)", ConnectionLost: true);
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
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or TimeoutException or OperationCanceledException)
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
