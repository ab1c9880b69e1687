using System.Text.Json.Serialization;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.MailDelivery;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>The latest run's results per channel, only for the channels the broadcast has.</summary>
public sealed record ChannelsView
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LineChannelView? Line { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MailChannelView? Mail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WebChannelView? Web { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SocialChannelView? Facebook { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SocialChannelView? Instagram { get; init; }

    /// <summary>The social channels' posts of the latest run that made any; a channel not yet fired is pending.</summary>
    public ChannelsView WithSocial(Broadcast b, IReadOnlyList<Meta.SocialPostRow> posts) => this with
    {
        Facebook = b.Channels.Contains(BroadcastChannel.Facebook) ? SocialChannelView.Of(posts.FirstOrDefault(p => p.Channel == "facebook")) : null,
        Instagram = b.Channels.Contains(BroadcastChannel.Instagram) ? SocialChannelView.Of(posts.FirstOrDefault(p => p.Channel == "instagram")) : null,
    };

    public static ChannelsView From(Broadcast b, RunSummary? latest, MailRunSummary? mail, string webUrl) => new()
    {
        Line = b.Channels.Contains(BroadcastChannel.Line)
            ? new LineChannelView(latest?.Targeted ?? 0, latest?.Accepted ?? 0, latest?.Failed ?? 0, latest?.Pending ?? 0)
            : null,
        Mail = b.Channels.Contains(BroadcastChannel.Mail)
            ? new MailChannelView(
                mail?.Targeted ?? 0, mail?.Accepted ?? 0, mail?.Failed ?? 0, mail?.Pending ?? 0, mail?.Skipped ?? 0, mail?.Cancelled ?? 0,
                [.. (mail?.Failures ?? []).Select(f => new MailFailureView(f.Address, f.Reply, f.Attempts))])
            : null,
        Web = b.Channels.Contains(BroadcastChannel.Web)
            ? new WebChannelView(latest?.Status is "sending" or "sent", webUrl)
            : null,
    };
}

public sealed record LineChannelView(long Targeted, long Accepted, long Failed, long Pending);

/// <param name="Skipped">Left (unsubscribed, suppressed) between the snapshot and their turn: sent nothing.</param>
/// <param name="Failures">The first refused mails with the server's reply (at most 50; <c>failed</c> counts them all).</param>
public sealed record MailChannelView(long Targeted, long Accepted, long Failed, long Pending, long Skipped, long Cancelled, IReadOnlyList<MailFailureView> Failures);

public sealed record MailFailureView(string? Address, string? Reply, int Attempts);

/// <param name="Published">It has the web channel and a run that is sending or sent: its page <c>/news/{id}</c> shows it.</param>
public sealed record WebChannelView(bool Published, string Url);

/// <param name="Status">pending, published, failed, needs-check (staff decide), cancelled or deleted.</param>
/// <param name="Reason">Why it waits or needs checking (throttling, Instagram's limit, a lost answer).</param>
public sealed record SocialChannelView(string Status, string? PostId, string? Url, string? Error, string? Reason)
{
    public static SocialChannelView Of(Meta.SocialPostRow? post) =>
        post is null ? new(Meta.SocialStatus.Pending, null, null, null, null) : new(post.Status, post.PostId, post.Url, post.Error, post.Reason);
}
