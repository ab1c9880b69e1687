using OutreachBot.Consultations;
using OutreachBot.Pages.Dashboard;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Webhook;

namespace OutreachBot.Pages;

/// <summary>The dashboard: followers, subscribers per topic and over time, the message quota, the next broadcasts, parked webhook events, open questions.</summary>
public sealed class IndexModel(
    DashboardFigures figures, TopicStore topics, SubscriberStats stats, InboxStore inbox, ConsultationInbox questions, QuotaReader quota,
    UpcomingBroadcasts upcoming, ConsoleClock clock) : ConsolePage
{
    public static readonly int[] Ranges = [7, 30, 90, 365];

    public FollowerFigures Followers { get; private set; } = new();

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public SubscriberChart Chart { get; private set; } = null!;

    public IReadOnlyList<DailySubscribers> Daily { get; private set; } = [];

    public long Parked { get; private set; }

    /// <summary>Citizens' questions no staff member has answered yet.</summary>
    public long OpenQuestions { get; private set; }

    public QuotaView Quota { get; private set; } = QuotaView.Unavailable;

    public int Days { get; private set; }

    public IReadOnlyList<(OutreachBot.Broadcasts.Broadcast Broadcast, DateTimeOffset At)> NextBroadcasts { get; private set; } = [];

    public ConsoleClock Clock => clock;

    /// <summary>E-mail subscribers of a topic at the end of today, from the same counts as the chart.</summary>
    public long MailSubscribersNow(string slug) =>
        Daily.LastOrDefault(d => d.Topic == slug && d.Channel == SubscriberChannels.Mail)?.Subscribers ?? 0;

    public async Task OnGetAsync(int? days)
    {
        var cancel = HttpContext.RequestAborted;
        Days = Ranges.Contains(days ?? 0) ? days!.Value : 30;
        var to = clock.Today;
        var from = to.AddDays(1 - Days);
        Followers = await figures.FollowersAsync(cancel);
        Topics = await topics.ListAsync(includeArchived: true, cancel);
        Daily = await stats.PerTopicPerDayAsync(from, to, cancel);
        Chart = SubscriberChart.Build(Daily, Topics, from, to, Bilingual.EnglishFirst ? Languages.English : Languages.Japanese);
        Parked = await inbox.CountParkedAsync(cancel);
        OpenQuestions = await questions.CountUnansweredAsync(cancel);
        Quota = await quota.ReadAsync(cancel);
        NextBroadcasts = await upcoming.NextAsync(5, cancel);
    }
}
