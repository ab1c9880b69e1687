using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Meta;

/// <summary>
/// Meta's Graph API, for the city's Facebook Page and Instagram professional account. The ids and token are optional:
/// when <see cref="PageId"/> is set the connection comes from the settings (and the console shows it read-only),
/// otherwise an admin connects it in the console.
/// </summary>
public sealed class MetaOptions
{
    public const string Section = "Meta";

    /// <summary>The Graph API version when this was built (Meta's changelog, July 2026).</summary>
    public const string CurrentVersion = "v26.0";

    [Required]
    public Uri GraphApiBaseUrl { get; set; } = new("https://graph.facebook.com");

    [Required]
    [RegularExpression(@"^v\d{1,3}\.\d$", ErrorMessage = "Meta:GraphApiVersion must look like v26.0.")]
    public string GraphApiVersion { get; set; } = CurrentVersion;

    public string? PageId { get; set; }

    public string? PageAccessToken { get; set; }

    public string? InstagramUserId { get; set; }

    /// <summary>One call's limit; a post without an answer by then is looked for before it is made again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often due posts are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first wait after a failure Meta may recover from (doubling, at most 15 minutes), and the least after throttling.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal bool Configured => !string.IsNullOrWhiteSpace(PageId);
}
