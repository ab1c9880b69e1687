using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Broadcasts.Targeting;
using OutreachBot.PublicSite;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>The read side of the API: views with their runs and errors, and recipient previews with the quota.</summary>
public sealed class BroadcastReader(
    BroadcastStore store,
    RunStore runs,
    BroadcastScheduling scheduling,
    Audience audience,
    QuotaGuard quota,
    BroadcastDrafting drafting,
    MailRunStore mailRuns,
    Meta.SocialPostStore social,
    PublicBaseUrl publicBaseUrl,
    Analytics.BroadcastFigures figures,
    IOptions<BotOptions> bot)
{
    public async Task<BroadcastView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var broadcast = await store.FindAsync(id, cancellationToken);
        return broadcast is null
            ? null
            : await figures.AddToAsync(await ViewAsync(broadcast, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<BroadcastView>> ListAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        var views = new List<BroadcastView>();
        foreach (var broadcast in await store.ListAsync(limit, before, cancellationToken))
        {
            views.Add(await ViewAsync(broadcast, cancellationToken));
        }

        return views;
    }

    public async Task<AudiencePreview?> PreviewAsync(long id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } broadcast ? await PreviewAsync(broadcast.Target, cancellationToken) : null;

    public async Task<(AudiencePreview? Preview, Dictionary<string, Bilingual[]> Errors)> PreviewAsync(TargetInput? target, CancellationToken cancellationToken)
    {
        var (draft, errors) = await drafting.CheckAsync(
            new BroadcastInput("preview", new() { ["ja"] = System.Text.Json.JsonDocument.Parse("""[{"type":"text","text":"-"}]""").RootElement }, target, null, Urgent: true, Draft: true),
            cancellationToken);
        return draft is null ? (null, errors) : (await PreviewAsync(draft.Target, cancellationToken), errors);
    }

    private async Task<AudiencePreview> PreviewAsync(BroadcastTarget target, CancellationToken cancellationToken)
    {
        var perLanguage = await audience.CountByLanguageAsync(target, cancellationToken);
        var total = perLanguage.Values.Sum();
        var status = await quota.ReadAsync(cancellationToken);
        // Multicast counts one message per recipient, however many message objects a broadcast holds.
        return new AudiencePreview(
            total,
            perLanguage,
            new QuotaPreview(status.Limited, status.Limit, status.Used, status.Remaining, total, status.Remaining is { } remaining && total > remaining, status.Problem));
    }

    private async Task<BroadcastView> ViewAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        var history = await runs.ForBroadcastAsync(broadcast.Id, 20, cancellationToken);
        var errors = history.Count == 0 ? [] : await runs.ErrorsAsync(history[0].Id, 100, cancellationToken);
        var next = broadcast.State == BroadcastState.Scheduled ? await scheduling.NextFireAsync(broadcast.Id, cancellationToken) : null;
        var mail = history.Count > 0 && broadcast.Channels.Contains(BroadcastChannel.Mail) ? await mailRuns.SummaryAsync(history[0].Id, cancellationToken) : null;
        var view = BroadcastView.From(broadcast, history, errors, next, bot.Value.Zone, mail, WebLink(broadcast));
        return broadcast.Channels.Any(c => c is BroadcastChannel.Facebook or BroadcastChannel.Instagram)
            ? view with { Channels = view.Channels.WithSocial(broadcast, await social.LatestAsync(broadcast.Id, cancellationToken)) }
            : view;
    }

    // Only for a broadcast with the web channel. A bot with neither Site:PublicBaseUrl nor a listening address (one
    // hosted in memory) gives the page's path.
    private string WebLink(Broadcast broadcast)
    {
        var path = $"/news/{broadcast.Id}";
        if (!broadcast.Channels.Contains(BroadcastChannel.Web))
        {
            return path;
        }

        try
        {
            return publicBaseUrl.Link(path).AbsoluteUri;
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }
}

/// <summary>How many citizens a target reaches, per language, and the month's quota it would use.</summary>
public sealed record AudiencePreview(long Recipients, IReadOnlyDictionary<string, long> PerLanguage, QuotaPreview Quota);

public sealed record QuotaPreview(bool Limited, long? Limit, long? Used, long? Remaining, long WouldUse, bool WouldExceed, string? Problem);
