using MimeKit;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>Builds one recipient's mail of a run; the fan-out sets its deterministic Message-ID.</summary>
public interface IBroadcastMailRenderer
{
    MimeMessage Render(BroadcastMailContent content, MailRecipient recipient);
}
