using System.Globalization;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Export;

/// <summary>Chooses the period of the subscribers CSV; the file itself comes from <see cref="SubscribersModel"/>.</summary>
public sealed class IndexModel(ConsoleClock clock) : ExportPeriodPage
{
    public void OnGet()
    {
        var today = clock.Today;
        From ??= today.AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}

/// <summary>A page with the export's period form: what was typed, and its errors beside the from/to fields.</summary>
public abstract class ExportPeriodPage : ConsolePage
{
    public string? From { get; set; }

    public string? To { get; set; }

    protected (DateOnly From, DateOnly To)? ParsePeriod(string? from, string? to)
    {
        From = from;
        To = to;
        var fromOk = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first);
        var toOk = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last);
        if (!fromOk)
        {
            AddError("from", new("日付を YYYY-MM-DD で入力してください。", "Enter a date as YYYY-MM-DD."));
        }

        if (!toOk)
        {
            AddError("to", new("日付を YYYY-MM-DD で入力してください。", "Enter a date as YYYY-MM-DD."));
        }
        else if (fromOk && (last < first || last.DayNumber - first.DayNumber >= SubscriberStats.MaxDays))
        {
            AddError("to", new($"開始日以降で、期間は{SubscriberStats.MaxDays}日以内にしてください。", $"Use a date after the start, at most {SubscriberStats.MaxDays} days later."));
        }

        return Errors.Count == 0 ? (first, last) : null;
    }
}
