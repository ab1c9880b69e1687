using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Webhook;

/// <summary>The webhook's part of the <c>Line</c> settings. The secret is required: without it the bot does not start.</summary>
public sealed class LineWebhookOptions
{
    public const string Section = "Line";

    /// <summary>1 MiB: LINE's bodies are far smaller; anything larger is refused before it is read.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    [Required(ErrorMessage = "Line:ChannelSecret is required (LINE Developers console > Basic settings > Channel secret). "
                             + "Without a channel the bot runs in local mode only in the Development environment or with Bot:LocalMode=true.")]
    public string ChannelSecret { get; set; } = "";
}
