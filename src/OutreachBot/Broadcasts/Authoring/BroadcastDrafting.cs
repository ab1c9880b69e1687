using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.Broadcasts.Targeting;
using OutreachBot.Mail;
using OutreachBot.Subscriptions;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>A checked broadcast, ready to store.</summary>
public sealed record BroadcastDraft(string Title, string MessagesJson, BroadcastTarget Target, BroadcastSchedule Schedule, bool Urgent, bool SaveAsDraft)
{
    public IReadOnlyList<BroadcastChannel> Channels { get; init; } = [BroadcastChannel.Line];

    public IReadOnlyDictionary<string, string> MailSubjects { get; init; } = new Dictionary<string, string>();

    public Meta.SocialChoices Social { get; init; } = Meta.SocialChoices.Default;
}

/// <summary>
/// Checks what staff wrote and resolves it: messages compiled, topics known, the send instant worked out (JST input,
/// UTC stored), quiet hours respected unless urgent. Errors are keyed by field as the API and console show them.
/// </summary>
public sealed class BroadcastDrafting(
    TopicStore topics,
    ICivicEventCalendar events,
    MailChannel mail,
    Meta.MetaConnections meta,
    Disaster.DisasterModeState disaster,
    Profiles.CityLists.CityListStore cityLists,
    IOptions<BroadcastOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider time)
{
    public const int MaxTitleLength = 100;

    public QuietHours QuietHours => new(options.Value.QuietHoursStart, options.Value.QuietHoursEnd, bot.Value.Zone);

    public async Task<(BroadcastDraft? Draft, Dictionary<string, Bilingual[]> Errors)> CheckAsync(BroadcastInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var zone = bot.Value.Zone;
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitleLength)
        {
            errors["title"] = [new($"タイトル（{MaxTitleLength}文字以内）を入力してください。", $"A title of at most {MaxTitleLength} characters is required.")];
        }

        var messages = MessageCompiler.Compile(input.Messages, zone, errors);
        var target = await CheckTargetAsync(input.Target, errors, cancellationToken);
        var schedule = await CheckScheduleAsync(input.Schedule, input.Target?.ReminderOf, errors, cancellationToken);
        var channels = ChannelChecks.Channels(input.Channels, target, mail, errors);
        var subjects = ChannelChecks.Subjects(input.Mail, errors);
        var social = Meta.SocialChannelChecks.Choices(input.Social, errors);
        if (channels is not null && messages is not null && channels.Any(c => c is BroadcastChannel.Facebook or BroadcastChannel.Instagram))
        {
            Meta.SocialChannelChecks.Check(channels, messages, zone, social, await meta.CurrentAsync(cancellationToken), errors);
        }

        var urgent = input.Urgent ?? false;
        if (target is { All: true } && !urgent)
        {
            errors["urgent"] = [EveryoneTarget.NotUrgent];
        }

        if (schedule is not null && !urgent && !Meta.SocialChannelChecks.OnlySocial(channels) && QuietInstant(schedule) is { } quiet)
        {
            errors["schedule"] =
            [
                new(
                    $"{MessageCompiler.FormatJst(quiet, zone)} は配信停止時間帯（{QuietHours.Describe()}）です。防災など緊急の場合は urgent を指定してください。",
                    $"{quiet:u} is inside quiet hours {QuietHours.Describe()}; mark the broadcast urgent to send it anyway."),
            ];
        }

        return errors.Count > 0 || messages is null || target is null || schedule is null || channels is null
            ? (null, errors)
            : (new BroadcastDraft(input.Title!.Trim(), messages, target, schedule, urgent, input.Draft ?? false) { Channels = channels, MailSubjects = subjects, Social = social }, errors);
    }

    private DateTimeOffset? QuietInstant(BroadcastSchedule schedule)
    {
        var now = time.GetUtcNow();
        if (schedule.Kind == ScheduleKind.Cron)
        {
            return CronSchedules.TryParse(schedule.Cron, bot.Value.Zone, out var cron)
                ? CronSchedules.Next(cron!, now, 50).Cast<DateTimeOffset?>().FirstOrDefault(t => QuietHours.Contains(t!.Value))
                : null;
        }

        var at = schedule.SendAt ?? now;
        return QuietHours.Contains(at) ? at : null;
    }

    private async Task<BroadcastTarget?> CheckTargetAsync(TargetInput? input, Dictionary<string, Bilingual[]> errors, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            errors["target"] = [new("配信先を指定してください。", "A target is required.")];
            return null;
        }

        var match = input.Match ?? "any";
        var slugs = (input.Topics ?? []).Distinct(StringComparer.Ordinal).ToList();
        var everyone = input.All == true ? EveryoneTarget.SwitchOf(input, disaster.View, errors) : null;
        if (input.All != true)
        {
            CheckTopicChoice(input, match, slugs, errors);
        }

        foreach (var slug in slugs)
        {
            if (await topics.FindAsync(slug, cancellationToken) is null)
            {
                errors["target.topics"] = [new($"トピック「{slug}」はありません。", $"No topic '{slug}'.")];
            }
        }

        foreach (var language in input.Languages ?? [])
        {
            if (!Languages.IsSupported(language))
            {
                errors["target.languages"] = [new($"対応していない言語です: {language}", "Unsupported language.")];
            }
        }

        var profile = Profiles.ProfileTargetChecks.Check(input, await cityLists.ReadAsync(cancellationToken), errors);
        return new BroadcastTarget(
            slugs, match == "all", input.Languages is { Count: > 0 } l ? l : null, input.Districts is { Count: > 0 } d ? [.. d.Distinct()] : null, input.ReminderOf, everyone, profile);
    }

    private static void CheckTopicChoice(TargetInput input, string match, List<string> slugs, Dictionary<string, Bilingual[]> errors)
    {
        if (match is not ("any" or "all"))
        {
            errors["target.match"] = [new("any か all を指定してください。", "Use any or all.")];
        }

        if (input.ReminderOf is not null)
        {
            if (slugs.Count > 0)
            {
                errors["target.topics"] = [new("リマインダーはトピックと併用できません。", "A reminder goes to the event's list, not to topics.")];
            }
        }
        else if (slugs.Count == 0)
        {
            errors["target.topics"] = [new("トピックを1つ以上指定してください。", "Give at least one topic.")];
        }
    }

    private async Task<BroadcastSchedule?> CheckScheduleAsync(ScheduleInput? input, string? reminderOf, Dictionary<string, Bilingual[]> errors, CancellationToken cancellationToken)
    {
        var zone = bot.Value.Zone;
        var now = time.GetUtcNow();
        var given = new[] { input?.At is not null, input?.Cron is not null, input?.BeforeEvent is not null }.Count(x => x);
        if (given > 1)
        {
            errors["schedule"] = [new("at, cron, beforeEvent のどれか1つを指定してください。", "Give one of at, cron or beforeEvent.")];
            return null;
        }

        if (reminderOf is not null && input?.BeforeEvent is null && input?.At is null && input?.Cron is null)
        {
            // A reminder without a schedule goes out the configured lead time before its event.
            input = new ScheduleInput(null, null, new BeforeEventInput(reminderOf, null));
        }

        if (input?.At is { } atText)
        {
            if (!BroadcastInputText.TryReadInstant(atText, zone, out var at))
            {
                errors["schedule.at"] = [new("日時を ISO 8601 で入力してください（例 2026-11-20T10:00、日本時間）。", "Use ISO 8601, e.g. 2026-11-20T10:00 (read in JST).")];
                return null;
            }

            if (at < now.AddMinutes(-1))
            {
                errors["schedule.at"] = [new("過去の日時は指定できません。", "The time has passed.")];
                return null;
            }

            return new BroadcastSchedule(ScheduleKind.At, SendAt: at);
        }

        if (input?.Cron is { } cron)
        {
            if (!CronSchedules.TryParse(cron, zone, out _))
            {
                errors["schedule.cron"] = [new("Quartz の cron 式を入力してください（例 0 0 10 ? * MON）。", "A Quartz cron expression with a future occurrence, e.g. 0 0 10 ? * MON.")];
                return null;
            }

            return new BroadcastSchedule(ScheduleKind.Cron, Cron: cron.Trim());
        }

        if (input?.BeforeEvent is { } before)
        {
            var offset = options.Value.ReminderLeadTime;
            if (before.Offset is not null && !BroadcastInputText.TryReadDuration(before.Offset, out offset))
            {
                errors["schedule.beforeEvent.offset"] = [new("ISO 8601 の期間で入力してください（例 PT24H）。", "An ISO 8601 duration, e.g. PT24H.")];
                return null;
            }

            if (string.IsNullOrWhiteSpace(before.EventId) || await events.FindAsync(before.EventId, cancellationToken) is not { } civic)
            {
                errors["schedule.beforeEvent.eventId"] = [new($"イベント「{before.EventId}」はありません。", $"No event '{before.EventId}'.")];
                return null;
            }

            var sendAt = civic.StartsAt - offset;
            if (sendAt < now.AddMinutes(-1))
            {
                errors["schedule.beforeEvent.offset"] = [new("送信時刻が過去になります。", "That is already past.")];
                return null;
            }

            return new BroadcastSchedule(ScheduleKind.Event, SendAt: sendAt, EventId: civic.Id, EventOffset: offset);
        }

        return new BroadcastSchedule(ScheduleKind.Now);
    }
}
