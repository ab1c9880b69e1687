using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;

namespace OutreachBot.Groups;

/// <summary>
/// The mails to a group's contact, Japanese with English below (the office's own texts to an organisation, as in the
/// console): the invitation with its one-time link, and the yearly request to confirm the profile (内容確認).
/// Nothing is sent where e-mail is not configured; the caller shows the link instead.
/// </summary>
public sealed partial class GroupMails(IMailTransport transport, MailChannel channel, IOptions<MailOptions> mail, ILogger<GroupMails> logger)
{
    public Task<bool> SendInvitationAsync(CivicGroup group, Uri link, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SendAsync(
            group,
            new($"【団体アカウントのご案内】{group.Name}", $"Your group account: {group.Name}"),
            new(
                $"{group.Name} ご担当者様\n\n市民活動の団体ページを編集できるアカウントをご用意しました。次のリンクからユーザー名とパスワードを設定してください。リンクは {expiresAt:yyyy-MM-dd HH:mm} (UTC) まで、1回だけ使えます。",
                $"Dear contact of {group.Name},\n\nAn account to edit your group's page is ready for you. Choose a username and password at the link below. It works once, until {expiresAt:yyyy-MM-dd HH:mm} UTC."),
            link,
            cancellationToken);

    public Task<bool> SendConfirmRequestAsync(CivicGroup group, Uri link, CancellationToken cancellationToken) =>
        SendAsync(
            group,
            new($"【内容確認のお願い】{group.Name}", $"Please confirm your group's profile: {group.Name}"),
            new(
                $"{group.Name} ご担当者様\n\n団体紹介の内容が今も正しいか、年に一度ご確認をお願いしています。次のリンクからサインインし、内容を確認して「保存」してください（変更がなくても保存で確認済みになります）。",
                $"Dear contact of {group.Name},\n\nOnce a year we ask each group to check that its profile is still right. Sign in at the link below, check the profile and press Save (saving unchanged confirms it)."),
            link,
            cancellationToken);

    private async Task<bool> SendAsync(CivicGroup group, Bilingual subject, Bilingual body, Uri link, CancellationToken cancellationToken)
    {
        if (!channel.Available)
        {
            return false;
        }

        var message = new MimeMessage { Subject = $"{subject.Ja} / {subject.En}" };
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(group.ContactEmail));
        message.Headers.Add(HeaderId.ContentLanguage, "ja, en");
        message.Body = new TextPart("plain") { Text = $"{body.Ja}\n\n{link.AbsoluteUri}\n\n---\n\n{body.En}\n\n{link.AbsoluteUri}\n" };
        ((TextPart)message.Body).ContentType.Charset = "utf-8";
        try
        {
            var outcome = await transport.SendOneAsync(message, cancellationToken);
            if (outcome.Kind != MailOutcomeKind.Accepted)
            {
                LogRefused(group.Id, outcome.Reply);
            }

            return outcome.Kind == MailOutcomeKind.Accepted;
        }
        catch (MailConnectException e)
        {
            LogRefused(group.Id, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail to group {GroupId}'s contact was not sent: {Reply}")]
    private partial void LogRefused(long groupId, string? reply);
}
