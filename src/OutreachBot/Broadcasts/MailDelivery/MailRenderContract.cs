using MimeKit;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>What a run's mails are made of: the run's own messages (as fired), the broadcast's title and subjects.</summary>
public sealed record BroadcastMailContent(long BroadcastId, long RunId, string Title, string MessagesJson, IReadOnlyDictionary<string, string> Subjects);

/// <summary>One recipient of a run's mail: the address, the language of the mail, and the version its links are signed for.</summary>
public sealed record MailRecipient(long SubscriberId, string Address, string Language, int TokenVersion);

/// <summary>Builds one recipient's mail of a run; the fan-out sets its deterministic Message-ID.</summary>
public interface IBroadcastMailRenderer
{
    MimeMessage Render(BroadcastMailContent content, MailRecipient recipient);
}
