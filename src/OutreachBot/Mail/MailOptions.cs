namespace OutreachBot.Mail;

public enum MailSecurity
{
    StartTls,
    SslOnConnect,
    None,
}

/// <summary>
/// The <c>Mail</c> settings: the SMTP relay the city sends through, the sender, the rate ceiling, the bounce mailbox
/// and the DKIM key. With no <see cref="SmtpHost"/> the e-mail channel is not offered, except in local mode, where mails
/// are written as files for the emulator's page to show.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender as a mailbox, e.g. <c>市民活動推進課 &lt;katsudo@city.example.jp&gt;</c>.</summary>
    public string From { get; set; } = "OutreachBot <outreachbot@localhost>";

    /// <summary>Mails per rolling second, never exceeded (relays used by cities throttle). 0 turns the ceiling off.</summary>
    public int PerSecond { get; set; } = 10;

    /// <summary>One SMTP command's timeout; no answer in time counts as a dropped connection and the mail is tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public string? BounceImapHost { get; set; }

    public int BounceImapPort { get; set; } = 993;

    public string? BounceImapUserName { get; set; }

    public string? BounceImapPassword { get; set; }

    /// <summary>How the bounce mailbox is reached: TLS on connect (port 993) unless the server says otherwise.</summary>
    public MailSecurity BounceImapSecurity { get; set; } = MailSecurity.SslOnConnect;

    /// <summary>How often the bounce mailbox is read.</summary>
    public TimeSpan BouncePollInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool BouncesConfigured => !string.IsNullOrWhiteSpace(BounceImapHost);

    public string? DkimDomain { get; set; }

    public string? DkimSelector { get; set; }

    public string? DkimPrivateKeyPath { get; set; }

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(SmtpHost);
}
