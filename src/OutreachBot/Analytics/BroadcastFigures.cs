using OutreachBot.Analytics.Clicks;
using OutreachBot.Analytics.Insight;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Analytics;

/// <summary>
/// What one broadcast's view shows of its figures: LINE's per day and the clicks on its links, both read by the
/// broadcast's id. The block rate counts its topics' subscribers, so only its console page asks for it, not every poll of the API.
/// </summary>
public sealed class BroadcastFigures(InsightStore insight, ClickCounts clicks)
{
    public async Task<BroadcastView> AddToAsync(BroadcastView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with
        {
            Insight = await insight.ForAsync(view.Id, cancellationToken),
            Clicks = await clicks.ForAsync(view.Id, cancellationToken),
        };
    }
}
