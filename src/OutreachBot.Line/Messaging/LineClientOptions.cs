using Microsoft.Extensions.Options;

namespace OutreachBot.Line.Messaging;

/// <summary>Bound from the <c>Line</c> settings section; checked when the host starts.</summary>
public sealed class LineClientOptions
{
    public const string SectionName = "Line";

    /// <summary>The long-lived channel access token (<c>Line:ChannelAccessToken</c>). Never logged.</summary>
    public string ChannelAccessToken { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://api.line.me");

    /// <summary>Where rich menu images go (<c>api-data.line.me</c>).</summary>
    public Uri DataApiBaseUrl { get; set; } = new("https://api-data.line.me");

    /// <summary>Tries of one call, the first included, before a transient failure surfaces as <see cref="LineApiException"/>.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff delay; doubles each retry, with jitter. A 429's Retry-After wins when present.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);
}

internal sealed class LineClientOptionsValidator : IValidateOptions<LineClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LineClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ChannelAccessToken))
        {
            failures.Add("Line:ChannelAccessToken is required.");
        }

        CheckUrl(options.ApiBaseUrl, "Line:ApiBaseUrl", failures);
        CheckUrl(options.DataApiBaseUrl, "Line:DataApiBaseUrl", failures);
        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Line:MaxAttempts must be between 1 and 20.");
        }

        CheckDuration(options.RetryBaseDelay, TimeSpan.Zero, "Line:RetryBaseDelay", failures);
        CheckDuration(options.MaxRetryDelay, TimeSpan.Zero, "Line:MaxRetryDelay", failures);
        // Polly refuses timeouts under 10 ms.
        CheckDuration(options.AttemptTimeout, TimeSpan.FromMilliseconds(10), "Line:AttemptTimeout", failures);
        CheckDuration(options.TotalTimeout, TimeSpan.FromMilliseconds(10), "Line:TotalTimeout", failures);
        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add("Line:TotalTimeout must not be shorter than Line:AttemptTimeout.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(Uri? url, string name, List<string> failures)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{name} must be an absolute http(s) URL.");
        }
    }

    private static void CheckDuration(TimeSpan value, TimeSpan min, string name, List<string> failures)
    {
        if (value < min || value > TimeSpan.FromDays(1))
        {
            failures.Add($"{name} must be between {min} and one day.");
        }
    }
}
