using OutreachBot.Disaster;

namespace OutreachBot.Broadcasts.Targeting;

/// <summary>
/// <c>{"all": true}</c>: every follower whatever their topics, only while disaster mode or a drill is on and only when
/// urgent. It is bound to the switch in force, so a drill's broadcast reaches that drill's audience alone.
/// </summary>
public static class EveryoneTarget
{
    public static readonly Bilingual NotInDisasterMode = new(
        "全員への配信は防災モード（または訓練）の間だけ使えます。",
        "A broadcast to every follower is accepted only while disaster mode (or a drill) is on.");

    public static readonly Bilingual NotUrgent = new(
        "全員への配信は緊急（urgent）にしてください。",
        "A broadcast to every follower must be urgent.");

    public static readonly Bilingual LineOnly = new(
        "全員への配信は LINE の友だち全員に送るもので、LINE だけで送れます。",
        "A broadcast to every follower reaches LINE followers: choose the LINE channel only.");

    /// <summary>The switch in force that an <c>{"all": true}</c> target is bound to, or null with the error.</summary>
    public static long? SwitchOf(Authoring.TargetInput input, DisasterModeView mode, Dictionary<string, Bilingual[]> errors)
    {
        if (!mode.Active)
        {
            errors["target.all"] = [NotInDisasterMode];
            return null;
        }

        if (input.Topics is { Count: > 0 } || input.ReminderOf is not null)
        {
            errors["target.all"] = [new("全員への配信にはトピックもリマインダーも指定できません。", "A broadcast to every follower takes no topics or reminder.")];
        }

        return mode.Current!.Id;
    }
}
