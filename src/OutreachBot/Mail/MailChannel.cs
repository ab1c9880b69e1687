using OutreachBot.Staff;

namespace OutreachBot.Mail;

/// <summary>Whether the e-mail channel is offered here: with an SMTP relay, or in local mode with the mail folder.</summary>
public sealed record MailChannel(bool Available, bool LocalFolder)
{
    public static readonly Bilingual NotConfigured = new(
        "メールは送れません。Mail:SmtpHost が設定されていません。",
        "E-mail cannot be sent: Mail:SmtpHost is not set.");
}
