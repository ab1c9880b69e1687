namespace OutreachBot.CivicEvents.Applications;

/// <summary>The keys of RatingTexts.resx: the thanks the day after an event, its 1-5 rating and the optional comment.</summary>
public static class RatingTextKeys
{
    public const string Thanks = "Rating.Thanks";
    public const string Score = "Rating.Score";
    public const string Rated = "Rating.Rated";
    public const string WriteComment = "Rating.WriteComment";
    public const string End = "Rating.End";
    public const string CommentPrompt = "Rating.CommentPrompt";
    public const string Commented = "Rating.Commented";
    public const string Ended = "Rating.Ended";
    public const string AlreadyRated = "Rating.AlreadyRated";
    public const string NotFound = "Rating.NotFound";
}
