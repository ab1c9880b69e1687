using System.Globalization;
using OutreachBot.Subscriptions;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Dashboard;

/// <summary>
/// Subscribers per topic and channel over time as the coordinates of an SVG line chart, drawn by the dashboard's markup; no
/// chart library and no script. Colours are the Okabe-Ito palette, told apart with colour blindness too.
/// </summary>
public sealed record SubscriberChart(
    IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartTick> XTicks, IReadOnlyList<ChartTick> YTicks, DateOnly From, DateOnly To)
{
    public const int Width = 720;
    public const int Height = 260;
    public const int Left = 48;
    public const int Right = 12;
    public const int Top = 12;
    public const int Bottom = 28;

    // Okabe-Ito, then two darker tones for offices with more than eight topics.
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8B6D00", "#5D3A9B", "#7F2704"];

    public static SubscriberChart Build(IReadOnlyList<DailySubscribers> rows, IReadOnlyList<Topic> topics, DateOnly from, DateOnly to, string language)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(topics);
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        var max = NiceCeiling(rows.Count == 0 ? 0 : rows.Max(r => r.Subscribers));
        double X(DateOnly day) => Left + ((double)(day.DayNumber - from.DayNumber) / days * (Width - Left - Right));
        double Y(long value) => Top + ((1 - ((double)value / max)) * (Height - Top - Bottom));

        var bySeries = rows.ToLookup(r => (r.Topic, r.Channel));
        var shown = topics.Where(t => bySeries.Contains((t.Slug, SubscriberChannels.Line)) || bySeries.Contains((t.Slug, SubscriberChannels.Mail))).ToList();
        var series = SubscriberChannels.All
            .SelectMany(channel => shown.Select((topic, i) => (Topic: topic, Channel: channel, Colour: Palette[i % Palette.Length])))
            .Where(s => bySeries.Contains((s.Topic.Slug, s.Channel)))
            .Select(s =>
            {
                var days = bySeries[(s.Topic.Slug, s.Channel)].OrderBy(r => r.Day).ToList();
                return new ChartSeries(
                    s.Topic.Slug,
                    s.Channel == SubscriberChannels.Mail ? $"{s.Topic.NameIn(language)} ({MailLabel(language)})" : s.Topic.NameIn(language),
                    s.Topic.Archived,
                    s.Colour,
                    string.Join(' ', days.Select(r => Point(X(r.Day), Y(r.Subscribers)))),
                    days[^1].Subscribers,
                    X(days[^1].Day),
                    Y(days[^1].Subscribers),
                    s.Channel);
            })
            .ToList();
        foreach (var channel in SubscriberChannels.Social.Where(c => bySeries.Contains((null, c))))
        {
            var followed = bySeries[(null, channel)].OrderBy(r => r.Day).ToList();
            series.Add(new ChartSeries(
                "", SocialLabel(channel, language), false, channel == SubscriberChannels.Facebook ? "#1877F2" : "#C13584",
                string.Join(' ', followed.Select(r => Point(X(r.Day), Y(r.Subscribers)))),
                followed[^1].Subscribers, X(followed[^1].Day), Y(followed[^1].Subscribers), channel));
        }

        var middle = DateOnly.FromDayNumber(from.DayNumber + (days / 2));
        var dates = new[] { from, middle, to }.Distinct();
        return new SubscriberChart(
            series,
            [.. dates.Select(d => new ChartTick(X(d), d.ToString("M/d", CultureInfo.InvariantCulture), d == from ? "start" : d == to ? "end" : "middle"))],
            [.. new[] { 0, max / 2, max }.Distinct().Select(v => new ChartTick(Y(v), v.ToString("N0", CultureInfo.InvariantCulture), "end"))],
            from,
            to);
    }

    /// <summary>1, 2, 5, 10, 20, 50...: an axis top at or above <paramref name="value"/> with round halves.</summary>
    public static long NiceCeiling(long value)
    {
        long step = 2;
        while (step < value)
        {
            step = step.ToString(CultureInfo.InvariantCulture)[0] switch { '2' => step / 2 * 4, '4' => step / 4 * 10, _ => step * 2 };
        }

        return step;
    }

    private static string SocialLabel(string channel, string language) =>
        (channel == SubscriberChannels.Facebook ? "Facebook" : "Instagram") + (language == Languages.Japanese ? " フォロワー" : " followers");

    private static string MailLabel(string language) => language == Languages.Japanese ? "メール" : "e-mail";

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
}

/// <param name="Points">The SVG polyline's points.</param>
/// <param name="Latest">The count on the last day, marked with a dot (a topic made today has only that point).</param>
/// <param name="Slug">The topic's; empty for the Page's and Instagram's followers, which have no topic.</param>
/// <param name="Channel">LINE (a solid line) or e-mail (dotted, in its topic's colour); facebook and instagram in their own colours.</param>
public sealed record ChartSeries(
    string Slug, string Name, bool Archived, string Colour, string Points, long Latest, double LastX, double LastY, string Channel = SubscriberChannels.Line)
{
    /// <summary>SVG stroke-dasharray: e-mail dotted, an archived topic dashed, else none.</summary>
    public string? Dashes => Channel == SubscriberChannels.Mail ? "2 4" : Archived ? "6 4" : null;
}

/// <param name="Anchor">SVG text-anchor: the first and last dates align inwards so that they are not cut off.</param>
public sealed record ChartTick(double Position, string Label, string Anchor);
