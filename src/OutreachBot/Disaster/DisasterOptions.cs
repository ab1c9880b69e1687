using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Disaster;

/// <summary>The <c>Disaster</c> settings: who may switch disaster mode, how fast every instance follows it, and the hazard map.</summary>
public sealed class DisasterOptions
{
    public const string Section = "Disaster";

    /// <summary>One admin or approver switches alone; otherwise (the default) a second one confirms with the same <c>active</c>.</summary>
    public bool SinglePersonSwitch { get; set; }

    /// <summary>An urgent broadcast to everyone still needs one approver who is not its author.</summary>
    public bool UrgentNeedsApproval { get; set; } = true;

    /// <summary>A switch nobody confirmed within this lapses: an old request is never confirmed by surprise.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each instance reads the mode from the database: a switch on one instance holds on all within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The city's hazard map (https), the disaster menu's ハザードマップ; unset, the entry says plainly that there is none.</summary>
    public string? HazardMapUrl { get; set; }

    /// <summary>Editions of the hazard map per language code (<c>Disaster:HazardMapUrls:en</c>); other languages get <see cref="HazardMapUrl"/>.</summary>
    public Dictionary<string, string> HazardMapUrls { get; init; } = [];

    public string? HazardMapFor(string language) =>
        HazardMapUrls.GetValueOrDefault(language) is { Length: > 0 } edition ? edition : HazardMapUrl is { Length: > 0 } url ? url : null;

    /// <summary>Every hazard map link is an absolute https URL: a citizen in an emergency is sent nowhere else.</summary>
    public bool HazardMapsAreHttps() =>
        HazardMapUrls.Values.Append(HazardMapUrl).Where(u => !string.IsNullOrEmpty(u))
            .All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && u.Length <= LineLimits.UriLength);
}
