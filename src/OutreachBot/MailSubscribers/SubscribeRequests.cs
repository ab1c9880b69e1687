using OutreachBot.Mail;

namespace OutreachBot.MailSubscribers;

/// <summary>What residents do with the subscribe form, a request after validation.</summary>
public sealed record SubscribeRequest(string Address, string Language, IReadOnlyCollection<long> TopicIds, string ClientAddress);

/// <summary>
/// The subscribe form's work once its input is valid: store the request, then send one mail (the confirmation link, or
/// for a confirmed address its manage link), unless a flood limit says no. The resident sees the same page either way,
/// so the form tells nobody which addresses are known.
/// </summary>
public sealed partial class SubscribeRequests(
    MailSubscriberStore store, SubscribeThrottle throttle, SubscriberMails mails, IMailTransport transport, TimeProvider time,
    ILogger<SubscribeRequests> logger)
{
    public async Task SubmitAsync(SubscribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!throttle.TryTake(request.ClientAddress))
        {
            LogClientOverLimit();
            return;
        }

        var now = time.GetUtcNow();
        var subscriber = await store.RequestAsync(request.Address, request.Language, request.TopicIds, now, cancellationToken);
        if (!await store.ClaimFormMailAsync(subscriber.Id, now, MailSubscriberOptions.MailInterval, cancellationToken))
        {
            LogAddressOverLimit(subscriber.Id);
            return;
        }

        var message = subscriber.Status == MailSubscriberStatus.Confirmed
            ? mails.ManageLink(subscriber, request.Address.Trim())
            : mails.Confirmation(subscriber, request.Address.Trim());
        try
        {
            var outcome = await transport.SendOneAsync(message, cancellationToken);
            if (outcome.Kind != MailOutcomeKind.Accepted)
            {
                LogNotSent(subscriber.Id, outcome.Kind);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTransportFailed(subscriber.Id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscribe request was refused: its client address made too many this hour; no mail sent")]
    private partial void LogClientOverLimit();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail subscriber {SubscriberId} asked again within ten minutes of the last mail; no mail sent")]
    private partial void LogAddressOverLimit(long subscriberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The subscribe mail to mail subscriber {SubscriberId} was not accepted ({Kind})")]
    private partial void LogNotSent(long subscriberId, MailOutcomeKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The subscribe mail to mail subscriber {SubscriberId} could not be sent")]
    private partial void LogTransportFailed(long subscriberId, Exception exception);
}
