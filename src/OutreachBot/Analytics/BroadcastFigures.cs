using OutreachBot.Analytics.Clicks;
using OutreachBot.Analytics.Follows;
using OutreachBot.Analytics.Insight;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Analytics;

/// <summary>What one broadcast's view shows of its figures: LINE's per day, the clicks on its links, its block rate.</summary>
public sealed class BroadcastFigures(InsightStore insight, ClickCounts clicks, BlockRates blockRates)
{
    public async Task<BroadcastView> AddToAsync(BroadcastView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with
        {
            Insight = await insight.ForAsync(view.Id, cancellationToken),
            Clicks = await clicks.ForAsync(view.Id, cancellationToken),
            BlockRate = await blockRates.ForAsync(view.Id, cancellationToken),
        };
    }
}
