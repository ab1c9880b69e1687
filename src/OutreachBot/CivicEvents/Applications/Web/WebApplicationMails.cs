using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Conversations.Views;
using OutreachBot.Mail;
using OutreachBot.MailSubscribers;
using OutreachBot.PublicSite;
using OutreachBot.Resources;

namespace OutreachBot.CivicEvents.Applications.Web;

/// <summary>
/// The mails of a web application, in the language the resident applied in: the confirmation link (48 hours), then
/// the outcome (number, or place on the waiting list) with a cancel link, and later the notices LINE applicants get by
/// push (moved up, the event cancelled or moved). Plain text and HTML, UTF-8.
/// </summary>
public sealed class WebApplicationMails(
    CivicEventStore events, TextCatalog catalog, SubscriberTokens tokens, PublicBaseUrl baseUrl, IOptions<MailOptions> mail, IOptions<BotOptions> bot)
{
    public const string ConfirmPath = "apply/confirm";
    public const string CancelPath = "apply/cancel";

    /// <summary>The confirmation mail; null when the event is gone.</summary>
    public async Task<MimeMessage?> ConfirmationAsync(long requestId, WebApplicationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await events.FindAsync(form.EventId, cancellationToken) is not { } e)
        {
            return null;
        }

        var t = catalog.For(form.Language);
        return Build(
            form.Address,
            t,
            t.Format(WebApplyTextKeys.ConfirmMailSubject, e.TitleIn(t.Language)),
            t.Format(WebApplyTextKeys.ConfirmMailBody, e.TitleIn(t.Language), EventCards.When(t, e, bot.Value.Zone)),
            t[WebApplyTextKeys.ConfirmButton],
            Link(e.Id, ConfirmPath, tokens.Create(SubscriberTokenPurpose.ApplicationConfirm, requestId, 0), t.Language),
            t[WebApplyTextKeys.MailIgnore]);
    }

    /// <summary>The outcome of the confirmation, with the cancel link; null when the event or the address is gone.</summary>
    public async Task<MimeMessage?> AppliedAsync(WebApplicationRequest request, EventApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(application);
        if (request.Address is null || await events.FindAsync(request.EventId, cancellationToken) is not { } e)
        {
            return null;
        }

        var t = catalog.For(request.Language);
        return Build(
            request.Address,
            t,
            t.Format(WebApplyTextKeys.AppliedMailSubject, e.TitleIn(t.Language), application.Number),
            $"{Outcome(t, e, application, bot.Value.Zone)}\n\n{t[WebApplyTextKeys.CancelHint]}",
            t[WebApplyTextKeys.CancelButton],
            Link(e.Id, CancelPath, tokens.Create(SubscriberTokenPurpose.ApplicationCancel, request.Id, 0), t.Language),
            footer: null);
    }

    /// <summary>
    /// A notice owed to a web applicant (moved up or the event moved, with the cancel link; the event cancelled), from the
    /// event as it is now; null when the event or the address is gone, or for a kind with no mail. Its Message-ID is the
    /// notice's, so the same notice sent again after a crash is one mail to a client that removes duplicates.
    /// </summary>
    public async Task<MimeMessage?> NoticeAsync(DueNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice is not { Address: { } address, WebRequestId: { } requestId } || await events.FindAsync(notice.EventId, cancellationToken) is not { } e)
        {
            return null;
        }

        var t = catalog.For(notice.Language);
        var title = e.TitleIn(t.Language);
        var zone = bot.Value.Zone;
        var (subject, body) = notice.Kind switch
        {
            WaitingList.MovedUpNotice => (t.Format(WebApplyTextKeys.MovedUpSubject, title, notice.Number), NoticeMessages.Text(t, e, notice.Kind, notice.Number, zone)),
            NoticeLedger.Cancelled => (t.Format(WebApplyTextKeys.CancelledSubject, title), NoticeMessages.Text(t, e, notice.Kind, notice.Number, zone)),
            NoticeLedger.Moved => (t.Format(WebApplyTextKeys.MovedSubject, title), t.Format(WebApplyTextKeys.Moved, title, EventCards.When(t, e, zone), e.VenueIn(t.Language))),
            _ => (null, null),
        };
        if (subject is null || body is null)
        {
            return null;
        }

        var cancellable = notice.Kind != NoticeLedger.Cancelled;
        var message = Build(
            address,
            t,
            subject,
            cancellable ? $"{body}\n\n{t[WebApplyTextKeys.CancelHint]}" : body,
            cancellable ? t[WebApplyTextKeys.CancelButton] : null,
            cancellable ? Link(e.Id, CancelPath, tokens.Create(SubscriberTokenPurpose.ApplicationCancel, requestId, 0), t.Language) : null,
            footer: null);
        message.MessageId = string.Create(CultureInfo.InvariantCulture, $"event-notice.{notice.Id}@{MailboxAddress.Parse(mail.Value.From).Domain}");
        return message;
    }

    /// <summary>The application's outcome as the resident reads it, in the mail and on the page.</summary>
    public static string Outcome(BotTexts t, CivicEvent e, EventApplication application, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(application);
        return application.Status == EventApplication.Waiting
            ? t.Format(WebApplyTextKeys.Waiting, e.TitleIn(t.Language), application.Number, application.Position)
            : t.Format(WebApplyTextKeys.Confirmed, e.TitleIn(t.Language), EventCards.When(t, e, zone), e.VenueIn(t.Language), application.Number);
    }

    private Uri Link(long eventId, string path, string token, string language) =>
        baseUrl.Link(string.Create(CultureInfo.InvariantCulture, $"/events/{eventId}/{path}?t={token}")
            + (language == TextCatalog.NeutralLanguage ? "" : $"&{PublicPage.LanguageParameter}={Uri.EscapeDataString(language)}"));

    private MimeMessage Build(string address, BotTexts t, string subject, string body, string? button, Uri? link, string? footer)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add(HeaderId.ContentLanguage, t.Language);
        var url = link?.AbsoluteUri;
        var text = string.Join("\n\n", new[] { body, url, footer }.OfType<string>());
        var action = url is null
            ? ""
            : $"""
               <p><a href="{WebUtility.HtmlEncode(url)}" style="display: inline-block; padding: .6em 1.2em; background: #0b6e4f; color: #fff; text-decoration: none; border-radius: 6px">{WebUtility.HtmlEncode(button)}</a></p>
               <p style="word-break: break-all; font-size: .85em">{WebUtility.HtmlEncode(url)}</p>
               """;
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"));
        message.Body = new BodyBuilder
        {
            TextBody = text + "\n",
            HtmlBody =
                $"""
                 <!DOCTYPE html>
                 <html lang="{WebUtility.HtmlEncode(t.Language)}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
                 <body style="font-family: sans-serif; line-height: 1.7">
                 {paragraphs}
                 {action}
                 {(footer is null ? "" : $"<p style=\"color: #57606a; font-size: .85em\">{WebUtility.HtmlEncode(footer)}</p>")}
                 </body></html>
                 """,
        }.ToMessageBody();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentType.Charset = "utf-8";
        }

        return message;
    }
}
