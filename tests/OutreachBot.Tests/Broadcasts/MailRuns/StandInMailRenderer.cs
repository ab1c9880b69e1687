using MimeKit;
using OutreachBot.Broadcasts.MailDelivery;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>A small renderer for the fan-out's tests: the subject in the recipient's language (else the title) and the messages as text.</summary>
public sealed class StandInMailRenderer : IBroadcastMailRenderer
{
    public MimeMessage Render(BroadcastMailContent content, MailRecipient recipient)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(MailboxAddress.Parse(recipient.Address));
        message.Subject = content.Subjects.TryGetValue(recipient.Language, out var subject) ? subject : content.Title;
        message.Body = new TextPart("plain") { Text = $"{content.Title}\n{content.MessagesJson}\n(token {recipient.TokenVersion})" };
        return message;
    }
}
