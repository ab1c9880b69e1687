using System.Globalization;
using OutreachBot.LineEmulator.State;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.CivicEvents;

/// <summary>Citizens who applied in the chat, and their event once it took place: what the tests of notices, thanks and figures start from.</summary>
public static class Applicants
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    /// <summary>Settings under which notices (waiting list, thanks, reminders) leave within a tenth of a second, whatever the hour.</summary>
    public static IReadOnlyDictionary<string, string?> NoticesAtOnce { get; } = new Dictionary<string, string?>
    {
        ["Events:NoticePollInterval"] = "00:00:00.100",
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
    };

    /// <summary>A citizen who follows, chooses <paramref name="language"/>, and applies to the event with the summary's button.</summary>
    public static async Task<CitizenChat> AppliedAsync(ConversationHost host, string userId, long eventId, string language = "ja")
    {
        var chat = host.Citizen(userId, language);
        await chat.FollowAsync();
        if (language != "ja")
        {
            await chat.TapAsync($"v1|lang|{language}");
        }

        await chat.TapAsync($"v1|apply|{eventId}");
        await chat.TapAsync($"v1|apply-yes|{eventId}");
        return chat;
    }

    /// <summary>The day the event took place (Japan time): yesterday, so that it is thanked from today on.</summary>
    public static DateTimeOffset Yesterday => new(DateTimeOffset.UtcNow.ToOffset(Japan).Date.AddDays(-1).AddHours(10), Japan);

    /// <summary>Moves the event to <see cref="Yesterday"/> from 10:00 to 12:00, as if it had taken place.</summary>
    public static Task HeldYesterdayAsync(ConversationHost host, long eventId) =>
        host.Database.ExecuteAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"UPDATE civic_events SET starts_at = {Yesterday.ToUnixTimeMilliseconds()}, ends_at = {Yesterday.AddHours(2).ToUnixTimeMilliseconds()} WHERE id = {eventId}"));

    /// <summary>The thanks messages the citizen got: those with rating buttons.</summary>
    public static List<ChatLine> ThanksTo(CitizenChat chat) =>
        [.. chat.All.Where(l => Sent.Buttons([l]).Any(b => b.Data.StartsWith("v1|rate|", StringComparison.Ordinal)))];

    /// <summary>Waits up to 15 seconds for the one thanks the notice sender pushes.</summary>
    public static async Task<IReadOnlyList<ChatLine>> ThanksAsync(CitizenChat chat)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (ThanksTo(chat) is [var thanks])
            {
                return [thanks];
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No thanks to {chat.UserId}: {Sent.Text(chat.All)}");
    }
}
