using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>What a run sends by e-mail: the broadcast's stored messages (<c>{"ja": [...], ...}</c>) and subjects per language.</summary>
public sealed record BroadcastMailContent(long BroadcastId, long RunId, string Title, string MessagesJson, IReadOnlyDictionary<string, string> Subjects);

public sealed record MailRecipient(long SubscriberId, string Address, string Language, int TokenVersion);

/// <summary>
/// One subscriber's mail of a broadcast run: the messages in their language (else Japanese, as on LINE) as text and
/// HTML, a footer in their language with the manage link, and the RFC 8058 one-click unsubscribe headers. The
/// Message-ID is made of the broadcast, run and subscriber, so a mail sent twice (the in-flight window) is one mail to
/// a client that removes duplicates.
/// </summary>
public sealed class BroadcastMailRenderer(IOptions<MailOptions> mail, IOptions<BotOptions> bot, SubscriberLinks links, TextCatalog texts, TimeProvider time) : IBroadcastMailRenderer
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(mail.Value.From);
    private readonly TimeZoneInfo _zone = bot.Value.Zone;

    private readonly ConditionalWeakTable<BroadcastMailContent, ConcurrentDictionary<string, MailLayout>> _layouts = new();

    public MimeMessage Render(BroadcastMailContent content, MailRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recipient);
        // The messages are rendered once per content and reader's language; each mail adds its own links and headers.
        var layout = _layouts.GetOrCreateValue(content).GetOrAdd(recipient.Language, static (language, state) => state.Renderer.Layout(state.Content, language), (Renderer: this, Content: content));
        var (manage, unsubscribe) = links.ForMail(recipient.SubscriberId, recipient.TokenVersion, recipient.Language);
        var footer = new MailFooter(texts.For(recipient.Language), manage);
        var message = new MimeMessage
        {
            Subject = layout.Subject,
            Date = time.GetUtcNow(),
            MessageId = $"b{content.BroadcastId}.r{content.RunId}.s{recipient.SubscriberId}@{_from.Domain}",
            Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = layout.Text(footer) },
                new TextPart("html") { Text = layout.Html(footer) },
            },
        };
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentType.Charset = "utf-8";
        }

        // A sender of its own per mail: an address list holds on to the addresses it lists and they to every list
        // holding them (MimeKit's change events), so one shared sender kept every mail ever rendered alive.
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(new MailboxAddress(name: null, recipient.Address));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    private MailLayout Layout(BroadcastMailContent content, string language)
    {
        var (messagesLanguage, messages) = MessagesFor(content.MessagesJson, language);
        var subject = SubjectFor(content, language);
        return new MailBody(texts.For(messagesLanguage), _zone, subject).Add(messages).Layout();
    }

    /// <summary>The subject in <paramref name="language"/>, else Japanese, else the broadcast's title; on one line whatever staff typed.</summary>
    public static string SubjectFor(BroadcastMailContent content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var subject = new[] { content.Subjects.GetValueOrDefault(language), content.Subjects.GetValueOrDefault(Languages.Japanese), content.Title }
            .First(s => !string.IsNullOrWhiteSpace(s))!;
        return string.Join(' ', subject.Split((char[])['\r', '\n', '\t', '\0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The variant a reader of <paramref name="language"/> gets: their own if staff wrote one, else Japanese.</summary>
    private static (string Language, JsonArray Messages) MessagesFor(string messagesJson, string language)
    {
        var variants = JsonNode.Parse(messagesJson)!.AsObject();
        return variants[language] is JsonArray own ? (language, own) : (Languages.Japanese, variants[Languages.Japanese]!.AsArray());
    }
}
