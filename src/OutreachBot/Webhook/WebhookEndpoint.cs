using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Webhook;

/// <summary>
/// <c>POST /webhook/line</c>: verify the signature over the raw bytes, store every event, then answer 200.
/// 401 (signature), 400 (not a webhook) and 413 (too large) store nothing; 500 means nothing was stored and LINE may redeliver.
/// </summary>
public static class WebhookEndpoint
{
    public const string Path = "/webhook/line";

    /// <summary>
    /// Answers LINE before the rest of the pipeline: the console's proxy headers, localization, static files and staff
    /// sign-in have nothing to do with LINE's calls, and at thousands of webhooks a second they cost a few percent of the
    /// bot's CPU. LINE authenticates each body with its signature (checked by the receiver), not with a staff sign-in.
    /// </summary>
    public static WebApplication UseLineWebhook(this WebApplication app)
    {
        app.MapWhen(
            context => context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Run(AnswerAsync));
        return app;
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var result = await context.RequestServices.GetRequiredService<WebhookReceiver>().HandleAsync(context);
        await result.ExecuteAsync(context);
    }
}

/// <summary>What the endpoint does with each POST; one for the process, so that a request costs no set-up of its own.</summary>
public sealed partial class WebhookReceiver(InboxWriter inbox, IOptions<LineWebhookOptions> options, ILogger<WebhookReceiver> logger)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.ChannelSecret);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            LogRefused(StatusCodes.Status413PayloadTooLarge, "body over 1 MiB");
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook body is larger than 1 MiB.");
        }

        var signature = LineSignature.Verify(body.Value.Span, context.Request.Headers["x-line-signature"], _secret);
        if (signature != SignatureCheck.Valid)
        {
            LogRefused(StatusCodes.Status401Unauthorized, $"signature {signature}");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The x-line-signature header is missing or does not match the body.");
        }

        var envelope = WebhookEnvelope.TryRead(body.Value, out var error);
        if (envelope is null)
        {
            LogRefused(StatusCodes.Status400BadRequest, error!);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a LINE webhook.", detail: error);
        }

        try
        {
            // Stored even if LINE hangs up meanwhile: LINE then redelivers, and the redelivery is a no-op.
            await inbox.StoreAsync(envelope.Events, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The writer logged why; nothing of this request was kept, so LINE's redelivery stores it whole.
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The events could not be stored; LINE may redeliver them.");
        }

        LogStored(envelope.Events.Count);
        return Results.Ok();
    }

    /// <summary>Reads the whole body, or returns null as soon as it proves larger than the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > LineWebhookOptions.MaxBodyBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        if (context.Request.ContentLength is { } length)
        {
            // Exactly the announced size: Kestrel ends the body there, and a larger buffer would cost every request.
            var exact = new byte[length];
            var read = await context.Request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, context.RequestAborted);
            return exact.AsMemory(0, read);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        var stream = context.Request.Body;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(4096), context.RequestAborted);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > LineWebhookOptions.MaxBodyBytes)
            {
                return null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook stored {Count} events")]
    private partial void LogStored(int count);
}
