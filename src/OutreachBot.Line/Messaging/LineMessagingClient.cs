using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace OutreachBot.Line.Messaging;

/// <summary>
/// The Messaging API calls the bot makes. A typed client: resolve it where it is used (it is transient); the
/// handler chain adds the bearer token, retries transient failures (see <see cref="LineRetryMode"/>) and times out.
/// Every answer's <c>x-line-request-id</c> is logged and returned; failures after the retries throw
/// <see cref="LineApiException"/>.
/// </summary>
public sealed partial class LineMessagingClient(
    HttpClient http, IOptionsMonitor<LineClientOptions> options, ILogger<LineMessagingClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Replies with a webhook event's token. Free of quota; the token works once, for about a minute.</summary>
    public async Task<LineSendResult> ReplyAsync(
        string replyToken, IReadOnlyList<Message> messages, bool notificationDisabled = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToken);
        CheckMessages(messages);
        var body = new ReplyMessageRequest(replyToken, messages, notificationDisabled ? true : null);
        var answer = await SendAsync(
            "reply", HttpMethod.Post, Api("/v2/bot/message/reply"), Json(body, LineJsonContext.Default.ReplyMessageRequest),
            LineRetryMode.Idempotent, retryKey: null, cancellationToken);
        return new LineSendResult(answer.RequestId, null, ReadSentMessages(answer));
    }

    /// <summary>
    /// Pushes to one user, group or room. Sent with <c>X-Line-Retry-Key</c> = <paramref name="retryKey"/> (or a new
    /// one): pass the same key to retry the same push later; LINE then answers 409 and sends nothing twice.
    /// </summary>
    public async Task<LineSendResult> PushAsync(
        string to, IReadOnlyList<Message> messages, Guid? retryKey = null, bool notificationDisabled = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        CheckMessages(messages);
        var key = retryKey ?? Guid.NewGuid();
        var body = new PushMessageRequest(to, messages, notificationDisabled ? true : null);
        var answer = await SendAsync(
            "push", HttpMethod.Post, Api("/v2/bot/message/push"), Json(body, LineJsonContext.Default.PushMessageRequest),
            LineRetryMode.Idempotent, key, cancellationToken);
        return new LineSendResult(answer.RequestId, key, ReadSentMessages(answer)) { AcceptedRequestId = answer.AcceptedRequestId };
    }

    /// <summary>Sends the same messages to up to 500 users, all or none, with a retry key as <see cref="PushAsync"/>.</summary>
    public Task<LineSendResult> MulticastAsync(
        IReadOnlyList<string> to, IReadOnlyList<Message> messages, Guid? retryKey = null, bool notificationDisabled = false,
        CancellationToken cancellationToken = default) =>
        MulticastAsync(PreparedMulticast.Create(to, messages, notificationDisabled), retryKey ?? Guid.NewGuid(), cancellationToken);

    /// <summary>Sends a multicast whose body was serialized beforehand (see <see cref="PreparedMulticast"/>).</summary>
    public async Task<LineSendResult> MulticastAsync(PreparedMulticast multicast, Guid retryKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(multicast);
        var content = new ByteArrayContent(multicast.Body.Array!, multicast.Body.Offset, multicast.Body.Count);
        content.Headers.ContentType = JsonMediaType;
        var answer = await SendAsync(
            "multicast", HttpMethod.Post, Api("/v2/bot/message/multicast"), content, LineRetryMode.Idempotent, retryKey, cancellationToken);
        return new LineSendResult(answer.RequestId, retryKey, []) { AcceptedRequestId = answer.AcceptedRequestId };
    }

    /// <summary>Asks LINE whether <paramref name="messages"/> are valid for <paramref name="kind"/> (reply, push, multicast, narrowcast, broadcast).</summary>
    public async Task<LineResponse> ValidateMessagesAsync(
        IReadOnlyList<Message> messages, string kind = "push", CancellationToken cancellationToken = default)
    {
        CheckMessages(messages);
        if (kind is not ("reply" or "push" or "multicast" or "narrowcast" or "broadcast"))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected reply, push, multicast, narrowcast or broadcast.");
        }

        var answer = await SendAsync(
            "validate", HttpMethod.Post, Api($"/v2/bot/message/validate/{kind}"),
            Json(new ValidateMessageRequest(messages), LineJsonContext.Default.ValidateMessageRequest),
            LineRetryMode.Idempotent, retryKey: null, cancellationToken);
        return new LineResponse(answer.RequestId);
    }

    public async Task<LineResponse<MessageQuota>> GetMessageQuotaAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("quota", Api("/v2/bot/message/quota"), LineJsonContext.Default.MessageQuota, cancellationToken);

    /// <summary>Messages counted against the quota this month (approximate, as LINE says).</summary>
    public async Task<LineResponse<QuotaConsumption>> GetMessageQuotaConsumptionAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("quota consumption", Api("/v2/bot/message/quota/consumption"), LineJsonContext.Default.QuotaConsumption, cancellationToken);

    internal static void CheckMessages(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > LineLimits.MessagesPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages.Count, $"A request carries 1 to {LineLimits.MessagesPerRequest} messages.");
        }
    }

    private static IReadOnlyList<SentMessage> ReadSentMessages(Answer answer) =>
        answer.Body.Length == 0 ? [] : JsonSerializer.Deserialize(answer.Body, LineJsonContext.Default.SentMessagesResponse)?.SentMessages ?? [];

    private Uri Api(string path) => new(options.CurrentValue.ApiBaseUrl, path);

    private Uri DataApi(string path) => new(options.CurrentValue.DataApiBaseUrl, path);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    // Bytes, not a stream, so that a retry can send the same content again.
    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private async Task<LineResponse<T>> GetAsync<T>(string operation, Uri uri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(operation, HttpMethod.Get, uri, null, LineRetryMode.Idempotent, null, cancellationToken);
        return new LineResponse<T>(Read(answer, typeInfo, operation), answer.RequestId);
    }

    private static T Read<T>(Answer answer, JsonTypeInfo<T> typeInfo, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body, typeInfo)
                ?? throw new LineApiException(operation, HttpStatusCode.OK, $"LINE answered {operation} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new LineApiException(operation, HttpStatusCode.OK, $"LINE answered {operation} with a body this client cannot read.", ex)
            {
                RequestId = answer.RequestId,
            };
        }
    }

    private async Task<Answer> SendAsync(
        string operation, HttpMethod method, Uri uri, HttpContent? content, LineRetryMode retryMode, Guid? retryKey,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Options.Set(LineRequestOptions.Operation, operation);
        request.Options.Set(LineRequestOptions.RetryMode, retryMode);
        if (retryKey is { } key)
        {
            request.Headers.Add(LineHeaders.RetryKey, key.ToString("D"));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            LineClientLog.NoAnswer(logger, operation, ex.GetType().Name);
            throw new LineApiException(operation, null, $"LINE did not answer {operation}: {ex.Message}", ex);
        }

        using (response)
        {
            var requestId = Header(response, LineHeaders.RequestId);
            if (response.IsSuccessStatusCode)
            {
                LineClientLog.Answered(logger, operation, (int)response.StatusCode, requestId);
                return new Answer(requestId, await response.Content.ReadAsByteArrayAsync(cancellationToken), null);
            }

            if (response.StatusCode == HttpStatusCode.Conflict && retryKey is not null
                && Header(response, LineHeaders.AcceptedRequestId) is { } acceptedRequestId)
            {
                LineClientLog.AlreadyAccepted(logger, operation, requestId, acceptedRequestId);
                return new Answer(requestId, [], acceptedRequestId);
            }

            throw await ToExceptionAsync(operation, response, requestId, cancellationToken);
        }
    }

    private async Task<LineApiException> ToExceptionAsync(
        string operation, HttpResponseMessage response, string? requestId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        LineErrorResponse? error = null;
        try
        {
            error = body.Length == 0 ? null : JsonSerializer.Deserialize(body, LineJsonContext.Default.LineErrorResponse);
        }
        catch (JsonException)
        {
            // Not LINE's error shape (a proxy's page, say): the status code says enough.
        }

        var status = response.StatusCode;
        LineClientLog.Refused(logger, operation, (int)status, requestId, error?.Message);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return new LineApiException(operation, status, error?.Message ?? $"LINE answered {(int)status} {response.ReasonPhrase} to {operation}.")
        {
            Details = error?.Details ?? [],
            RequestId = requestId,
            RetryAfter = retryAfter,
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record Answer(string? RequestId, byte[] Body, string? AcceptedRequestId);
}
