using MimeKit;

namespace OutreachBot.Mail;

/// <summary>Where mails go: the city's SMTP relay, or, in local mode, files the emulator's page shows.</summary>
public interface IMailTransport
{
    /// <summary>
    /// Opens one connection to be reused for many mails; the caller sends one mail at a time on it. Throws
    /// <see cref="MailConnectException"/> (an <see cref="IOException"/>) when the relay cannot be reached or refuses the
    /// credentials, naming the settings to check.
    /// </summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public static class MailTransportExtensions
{
    /// <summary>
    /// One mail on a connection of its own (a form's confirmation, a test send): what the server answered. Throws as
    /// <see cref="IMailTransport.ConnectAsync"/> does when the relay cannot be reached.
    /// </summary>
    public static async Task<MailOutcome> SendOneAsync(this IMailTransport transport, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        await using var connection = await transport.ConnectAsync(cancellationToken);
        return await connection.SendAsync(message, cancellationToken);
    }
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>
    /// Sends one mail and says what the server answered. Never throws for what the server or the network did: an
    /// outcome with <see cref="MailOutcome.ConnectionLost"/> (a drop, a timeout, or a server that closed after its
    /// reply) means this connection is done and the caller opens a new one.
    /// </summary>
    Task<MailOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public enum MailOutcomeKind
{
    /// <summary>The server said 250: the mail is the server's now.</summary>
    Accepted,

    /// <summary>A 4xx, a timeout or a dropped connection: try this recipient again later.</summary>
    Transient,

    /// <summary>A 5xx: this recipient's mail will not be accepted; counts towards stopping mails to the address.</summary>
    Permanent,
}

/// <param name="Reply">The server's reply (status code and text), or what went wrong on the way; never the mail's content.</param>
public sealed record MailOutcome(MailOutcomeKind Kind, string? Reply = null, bool ConnectionLost = false)
{
    public static readonly MailOutcome Accepted = new(MailOutcomeKind.Accepted);
}
