using System.Text.Json;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Surveys;

/// <summary>
/// A survey goes out as a broadcast whose message, in each language, is the invitation with its 回答する button: the
/// broadcast's own rules (approval, schedule, target, quiet hours, quota) apply unchanged.
/// </summary>
public sealed class SurveySending(StaffBroadcasts broadcasts, TextCatalog texts)
{
    public Task<StaffOutcome> SendAsync(Survey survey, SurveySendInput input, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(input);
        var messages = Languages.Supported.ToDictionary(
            l => l.Code,
            l => JsonSerializer.SerializeToElement<IReadOnlyList<Message>>([SurveyMessages.Invitation(texts.For(l.Code), survey)], LineJsonContext.Default.IReadOnlyListMessage));
        return broadcasts.CreateAsync(
            new BroadcastInput($"アンケート: {survey.Title}", messages, input.Target, input.Schedule, Urgent: false, input.Draft, Channels: ["line"]),
            actor,
            cancellationToken);
    }
}

/// <param name="Target">As a broadcast's: topics, match, languages, districts.</param>
/// <param name="Schedule">As a broadcast's: at, cron, beforeEvent; absent for now (or on approval).</param>
/// <param name="Draft">Save the broadcast without submitting it.</param>
public sealed record SurveySendInput(TargetInput? Target, ScheduleInput? Schedule, bool? Draft);
