using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// The two mails the subscribe form sends, in the subscriber's language: the confirmation link (double opt-in), or, to
/// an address already confirmed, its manage link. Plain text and HTML (<c>multipart/alternative</c>), UTF-8.
/// </summary>
public sealed class SubscriberMails(TextCatalog catalog, SubscriberLinks links, IOptions<MailOptions> mail)
{
    public MimeMessage Confirmation(MailSubscriber subscriber, string address) =>
        Build(address, subscriber.Language, SubscribeTextKeys.ConfirmMailSubject, SubscribeTextKeys.ConfirmMailBody, SubscribeTextKeys.ConfirmMailButton,
            links.Confirm(subscriber.Id, subscriber.TokenVersion, subscriber.Language));

    public MimeMessage ManageLink(MailSubscriber subscriber, string address) =>
        Build(address, subscriber.Language, SubscribeTextKeys.ManageMailSubject, SubscribeTextKeys.ManageMailBody, SubscribeTextKeys.ManageMailButton,
            links.Manage(subscriber.Id, subscriber.TokenVersion, subscriber.Language));

    private MimeMessage Build(string address, string language, string subjectKey, string bodyKey, string buttonKey, Uri link)
    {
        var texts = catalog.For(language);
        var message = new MimeMessage { Subject = texts[subjectKey] };
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add(HeaderId.ContentLanguage, language);
        var url = link.AbsoluteUri;
        var body = new BodyBuilder
        {
            TextBody = $"{texts[bodyKey]}\n\n{url}\n\n{texts[SubscribeTextKeys.MailIgnore]}\n",
            HtmlBody =
                $"""
                 <!DOCTYPE html>
                 <html lang="{WebUtility.HtmlEncode(language)}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(texts[subjectKey])}</title></head>
                 <body style="font-family: sans-serif; line-height: 1.7">
                 <p>{WebUtility.HtmlEncode(texts[bodyKey])}</p>
                 <p><a href="{WebUtility.HtmlEncode(url)}" style="display: inline-block; padding: .6em 1.2em; background: #0b6e4f; color: #fff; text-decoration: none; border-radius: 6px">{WebUtility.HtmlEncode(texts[buttonKey])}</a></p>
                 <p style="word-break: break-all; font-size: .85em">{WebUtility.HtmlEncode(url)}</p>
                 <p style="color: #57606a; font-size: .85em">{WebUtility.HtmlEncode(texts[SubscribeTextKeys.MailIgnore])}</p>
                 </body></html>
                 """,
        };
        message.Body = body.ToMessageBody();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentType.Charset = "utf-8";
        }

        return message;
    }
}
