using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.MailSubscribers;
using OutreachBot.Storage;

namespace OutreachBot.CivicEvents.Applications.Web;

/// <summary>
/// Applications residents make on the web with an e-mail address, confirmed by mail (double opt-in): the form stores a
/// request and mails its link; following the link applies through the same seat path as LINE (the event's row lock), so
/// the seat is taken at confirmation, in the order of confirmations; the mail that says so carries a cancel link. The
/// form's page is the same whatever happens, so it tells nobody which addresses are known, and one client, one address
/// are limited as on /subscribe.
/// </summary>
public sealed partial class WebApplications(
    Database database,
    ApplicationStore applications,
    WebApplicationMails mails,
    IMailTransport transport,
    IOptions<MailSubscriberOptions> limits,
    TimeProvider time,
    ILogger<WebApplications> logger)
{
    /// <summary>An address gets one confirmation mail per this interval, whatever the form is sent.</summary>
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(10);

    private readonly SubscribeThrottle _clients = new(limits, time);

    public async Task SubmitAsync(WebApplicationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!_clients.TryTake(form.ClientAddress))
        {
            LogClientOverLimit();
            return;
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM event_web_requests WHERE address = @Address AND requested_at > @Since",
            new { form.Address, Since = now - MailInterval },
            cancellationToken: cancellationToken)) > 0)
        {
            LogAddressOverLimit(form.EventId);
            return;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO event_web_requests (event_id, address, language, party_size, name, answers, requested_at)
            VALUES (@EventId, @Address, @Language, @PartySize, @Name, @Answers, @Now) RETURNING id
            """,
            new { form.EventId, form.Address, form.Language, form.PartySize, form.Name, Answers = JsonSerializer.Serialize(form.Answers), Now = now },
            cancellationToken: cancellationToken));
        await SendAsync(await mails.ConfirmationAsync(id, form, cancellationToken), id, cancellationToken);
    }

    public async Task<WebApplicationRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WebApplicationRequest>(new CommandDefinition(
            """
            SELECT id, event_id AS EventId, address, language, party_size AS PartySize, name, answers, requested_at AS RequestedAt, number
            FROM event_web_requests WHERE id = @Id AND address IS NOT NULL
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The link followed: applies (a seat, or a place on the waiting list) and mails the outcome with a cancel link. Following
    /// it again applies once and repeats the outcome without a second mail.
    /// </summary>
    public async Task<ApplyOutcome> ConfirmAsync(WebApplicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await applications.ApplyAsync(
            new ApplicationRequest(
                request.EventId, null, "web", request.PartySize, JsonSerializer.Deserialize<List<string>>(request.Answers ?? "[]") ?? [], $"web:{request.Id}", request.Name),
            time.GetUtcNow(),
            cancellationToken);
        if (outcome.Application is { } application && outcome.Result is ApplyResult.Confirmed or ApplyResult.Waiting)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE event_web_requests SET number = @Number WHERE id = @Id", new { application.Number, request.Id }, cancellationToken: cancellationToken));
            if (!outcome.Replayed)
            {
                await SendAsync(await mails.AppliedAsync(request, application, cancellationToken), request.Id, cancellationToken);
            }
        }

        return outcome;
    }

    /// <summary>The cancel link followed and confirmed: cancels the application; a seat it held goes to the waiting list.</summary>
    public Task<CancelOutcome> CancelAsync(WebApplicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Number is { } number
            ? applications.CancelAsync(request.EventId, number, null, time.GetUtcNow(), cancellationToken)
            : Task.FromResult(new CancelOutcome(CancelResult.NotFound, null, []));
    }

    private async Task SendAsync(MimeMessage? message, long id, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            return;
        }

        try
        {
            var outcome = await transport.SendOneAsync(message, cancellationToken);
            if (outcome.Kind != MailOutcomeKind.Accepted)
            {
                LogNotSent(id, outcome.Kind);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTransportFailed(id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event application on the web was refused: its client address made too many this hour; no mail sent")]
    private partial void LogClientOverLimit();

    [LoggerMessage(Level = LogLevel.Information, Message = "An event application on the web to event {EventId} came from an address mailed within ten minutes; no mail sent")]
    private partial void LogAddressOverLimit(long eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail of web application request {Id} was not accepted ({Kind})")]
    private partial void LogNotSent(long id, MailOutcomeKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail of web application request {Id} could not be sent")]
    private partial void LogTransportFailed(long id, Exception exception);
}
