using MimeKit;
using OutreachBot.Mail;

namespace OutreachBot.CivicEvents.Applications.Web;

/// <summary>
/// The web applicants' notices of one round of the notice sender, through the mail transport as it is (the SMTP relay,
/// or local mode's folder): one connection, opened at the first mail and opened again after the server dropped it.
/// </summary>
public sealed class NoticeMailRound(IMailTransport transport) : IAsyncDisposable
{
    private IMailConnection? _connection;

    /// <summary>What the server said; a relay that cannot be reached is a transient outcome, tried again later.</summary>
    public async Task<MailOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await transport.ConnectAsync(cancellationToken);
        }
        catch (MailConnectException ex)
        {
            return new MailOutcome(MailOutcomeKind.Transient, ex.Message, ConnectionLost: true);
        }

        var outcome = await _connection.SendAsync(message, cancellationToken);
        if (outcome.ConnectionLost)
        {
            await DisposeAsync();
        }

        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
