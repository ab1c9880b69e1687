using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// What every Messaging API request goes through, in LINE's order: a fresh <c>x-line-request-id</c>; injected faults;
/// bearer token (401); 2 MB body (413); retry key allowed and well-formed (400); rate (429); schema and limits (400);
/// retry key already accepted (409 + <c>x-line-accepted-request-id</c>); the endpoint; and a record of it all.
/// </summary>
internal sealed class LineApiPipeline(
    IOptionsMonitor<EmulatorOptions> options,
    RetryKeyBook retryKeys,
    FaultInjector faults,
    RequestJournal journal,
    RateGate rates,
    LineRequestValidator validator,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext http, ApiOperation operation)
    {
        // LINE counts rates on arrival; stamping after the work would let the emulator's own pace reshape the windows.
        var arrived = time.GetUtcNow();
        var requestId = Guid.NewGuid().ToString("D");
        var body = await ReadBodyAsync(http.Request);
        var fault = faults.Decide(http.Request.Path.Value ?? "");
        if (fault.Kind == FaultKind.DropConnection && !fault.AfterProcessing)
        {
            Drop(http, requestId, body, arrived);
            return;
        }

        ApiResult result;
        if (fault.Kind == FaultKind.TooManyRequests)
        {
            result = ApiResult.Error(StatusCodes.Status429TooManyRequests, "Too many requests")
                with { Headers = fault.RetryAfterSeconds is { } seconds ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) } : new Dictionary<string, string>() };
        }
        else if (fault.Kind == FaultKind.ServerError && !fault.AfterProcessing)
        {
            result = ApiResult.Error(StatusCodes.Status500InternalServerError, "Internal server error");
        }
        else
        {
            result = await ProcessAsync(http, operation, requestId, body, arrived);
            if (fault.AfterProcessing && fault.Kind == FaultKind.DropConnection)
            {
                Drop(http, requestId, body, arrived);
                return;
            }

            if (fault.AfterProcessing && fault.Kind == FaultKind.ServerError)
            {
                result = ApiResult.Error(StatusCodes.Status500InternalServerError, "Internal server error");
            }
        }

        Record(http, requestId, body, result.Status, FaultName(fault), arrived);
        if (fault.Kind == FaultKind.Slow)
        {
            // Real time even under a fake TimeProvider: the point is to outlast the client's timeout.
            await Task.Delay(fault.Delay, CancellationToken.None);
        }

        await WriteAsync(http, requestId, result);
    }

    private async Task<ApiResult> ProcessAsync(HttpContext http, ApiOperation operation, string requestId, byte[]? body, DateTimeOffset arrived)
    {
        if (Authenticate(http.Request) is { } unauthorized)
        {
            return unauthorized;
        }

        if (body is null)
        {
            return ApiResult.Error(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large");
        }

        Guid? retryKey = null;
        if (http.Request.Headers.TryGetValue(LineHeaders.RetryKey, out var keyHeader))
        {
            if (!operation.AcceptsRetryKey)
            {
                return ApiResult.Error(StatusCodes.Status400BadRequest, "The X-Line-Retry-Key header is not supported by this endpoint");
            }

            if (!Guid.TryParseExact(keyHeader.ToString(), "D", out var key))
            {
                return ApiResult.Error(StatusCodes.Status400BadRequest, "The value of the X-Line-Retry-Key header is not a UUID");
            }

            retryKey = key;
        }

        if (options.CurrentValue.EnforceRateLimits && !rates.TryPass(operation.Name, operation.Rate, operation.RateWindow, arrived))
        {
            return ApiResult.Error(StatusCodes.Status429TooManyRequests, "Too many requests");
        }

        using var document = operation.Schema is null ? null : TryParse(body);
        if (operation.Schema is { } schema)
        {
            if (document is null)
            {
                return ApiResult.Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", [new("Invalid JSON", null)]);
            }

            var errors = validator.Validate(schema, document.RootElement);
            if (errors.Count > 0)
            {
                return ApiResult.Error(
                    StatusCodes.Status400BadRequest, $"The request body has {errors.Count} error(s)",
                    [.. errors.Select(e => new LineErrorDetail(e.Message, e.Property))]);
            }
        }

        if (retryKey is { } reserved && retryKeys.TryReserve(reserved, requestId) is { } acceptedRequestId)
        {
            return ApiResult.Error(StatusCodes.Status409Conflict, "The retry key is already accepted")
                with { Headers = new Dictionary<string, string> { [LineHeaders.AcceptedRequestId] = acceptedRequestId } };
        }

        ApiResult result;
        try
        {
            result = await operation.Handle(new ApiCall(http, requestId, body, document?.RootElement ?? default, retryKey));
        }
        catch
        {
            if (retryKey is { } failed)
            {
                retryKeys.Release(failed, requestId);
            }

            throw;
        }

        if (retryKey is { } used)
        {
            if (result.IsSuccess)
            {
                retryKeys.Accept(used, requestId);
            }
            else
            {
                retryKeys.Release(used, requestId);
            }
        }

        return result;
    }

    private ApiResult? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return ApiResult.Error(
                StatusCodes.Status401Unauthorized,
                "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
        }

        var token = header["Bearer ".Length..].Trim();
        return options.CurrentValue.AcceptedTokens.Contains(token, StringComparer.Ordinal)
            ? null
            : ApiResult.Error(StatusCodes.Status401Unauthorized, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }

    private static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Null when the body is over LINE's 2 MB.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is { } length)
        {
            if (length > LineLimits.RequestBodyBytes)
            {
                return null;
            }

            // The announced size exactly: Kestrel ends the body there.
            var exact = new byte[length];
            var read = await request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false);
            return read == exact.Length ? exact : exact[..read];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int next;
        while ((next = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + next > LineLimits.RequestBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, next);
        }

        return buffer.ToArray();
    }

    private void Drop(HttpContext http, string requestId, byte[]? body, DateTimeOffset arrived)
    {
        Record(http, requestId, body, 0, "drop", arrived);
        http.Abort();
    }

    private void Record(HttpContext http, string requestId, byte[]? body, int status, string? fault, DateTimeOffset arrived)
    {
        var request = http.Request;
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = value.ToString();
            }
        }

        var json = body is { Length: > 0 } && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        journal.Add(new RecordedRequest(
            journal.NextSequence(), requestId, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers,
            status, request.Headers.TryGetValue(LineHeaders.RetryKey, out var key) ? key.ToString() : null, arrived, fault)
        {
            JsonBody = json ? body : null,
            BodyDescription = body switch
            {
                null => "<over 2 MB>",
                { Length: 0 } => null,
                _ => json ? null : $"<{body.Length} bytes {request.ContentType}>",
            },
        });
    }

    private static async Task WriteAsync(HttpContext http, string requestId, ApiResult result)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        response.Headers[LineHeaders.RequestId] = requestId;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentType = result.ContentType;
        response.ContentLength = result.Body.Length;
        try
        {
            await response.Body.WriteAsync(result.Body, http.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): LINE's answer is lost the same way.
        }
    }

    private static string? FaultName(FaultDecision fault) => fault.Kind switch
    {
        FaultKind.TooManyRequests => "429",
        FaultKind.ServerError => "500",
        FaultKind.Slow => "slow",
        _ => null,
    };
}
