namespace OutreachBot.MailSubscribers;

/// <summary>The <c>MailSubscribers</c> settings: how the public form resists floods and how long unconfirmed addresses stay.</summary>
public sealed class MailSubscriberOptions
{
    public const string Section = "MailSubscribers";

    /// <summary>Sign-ups one client address may make in an hour; further ones send nothing (the page looks the same).</summary>
    public int SubscribesPerIpPerHour { get; set; } = 10;

    /// <summary>How long an address that never opened its confirmation link is kept before it is deleted.</summary>
    public TimeSpan UnconfirmedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>At least this long between two mails the form sends to one address.</summary>
    public static readonly TimeSpan MailInterval = TimeSpan.FromMinutes(10);
}
