namespace OutreachBot.CivicEvents;

/// <summary>Settings of the events feature (section <c>Events</c>).</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>How long after an event applicants' names, phone numbers and answers are kept; then they are erased (counts stay).</summary>
    public TimeSpan ApplicantDataRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the pushes owed to applicants (moved up, event cancelled or moved, thanks) are looked for.</summary>
    public TimeSpan NoticePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
