namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>The keys of BroadcastMailTexts.resx: the words a broadcast's mail adds around what staff wrote.</summary>
public static class BroadcastMailTextKeys
{
    public const string When = "BroadcastMail.When";
    public const string Venue = "BroadcastMail.Venue";
    public const string Details = "BroadcastMail.Details";
    public const string Image = "BroadcastMail.Image";
    public const string Why = "BroadcastMail.Why";
    public const string Manage = "BroadcastMail.Manage";
}
