using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Broadcasts.Targeting;
using OutreachBot.Mail;

namespace OutreachBot.Broadcasts.Authoring;

/// <summary>Checks the channels and the mail's subjects a broadcast asks for; errors keyed by field as the API and console show them.</summary>
public static class ChannelChecks
{
    public const int MaxSubjectLength = 200;

    public static readonly Bilingual MailCannotTarget = new(
        "メール購読者には地区もプロフィール（年代・得意なこと・空いている曜日）もリマインダー登録もありません。地区やプロフィールで絞り込む配信やイベントのリマインダーは LINE とウェブだけで送れます。",
        "E-mail subscribers have no district, no profile (age band, skills, free days) and ask for no reminders: a broadcast limited to districts or profiles, or a reminder, goes by LINE and the web only.");

    public static IReadOnlyList<BroadcastChannel>? Channels(List<string>? names, BroadcastTarget? target, MailChannel mail, Dictionary<string, Bilingual[]> errors)
    {
        if (names is null)
        {
            return [BroadcastChannel.Line];
        }

        var channels = new List<BroadcastChannel>();
        foreach (var name in names)
        {
            if (!BroadcastNames.TryChannel(name, out var channel))
            {
                errors["channels"] = [new($"チャネル「{name}」はありません。line, mail, web, facebook, instagram から選んでください。", $"No channel '{name}': use line, mail, web, facebook or instagram.")];
                return null;
            }

            channels.Add(channel);
        }

        if (channels.Count == 0)
        {
            errors["channels"] = [new("チャネルを1つ以上選んでください（line, mail, web, facebook, instagram）。", "Choose at least one channel: line, mail, web, facebook or instagram.")];
            return null;
        }

        if (target is { All: true } && channels.Any(c => c != BroadcastChannel.Line))
        {
            errors["channels"] = [EveryoneTarget.LineOnly];
            return null;
        }

        if (channels.Contains(BroadcastChannel.Mail) && !mail.Available)
        {
            errors["channels"] = [MailChannel.NotConfigured];
            return null;
        }

        if (channels.Contains(BroadcastChannel.Mail) && target is not null && !MailSnapshot.Reaches(target))
        {
            errors["channels"] = [MailCannotTarget];
            return null;
        }

        return [.. channels.Distinct().Order()];
    }

    public static IReadOnlyDictionary<string, string> Subjects(MailInput? input, Dictionary<string, Bilingual[]> errors)
    {
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in input?.Subject ?? [])
        {
            var field = $"mail.subject.{language}";
            if (!Languages.IsSupported(language))
            {
                errors[field] = [new($"対応していない言語です: {language}", "Unsupported language.")];
            }
            else if (string.IsNullOrWhiteSpace(text) || text.Length > MaxSubjectLength)
            {
                errors[field] = [new($"件名は1～{MaxSubjectLength}文字で入力してください。", $"A subject of 1 to {MaxSubjectLength} characters.")];
            }
            else if (text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
            {
                errors[field] = [new("件名に改行は使えません。", "A subject must be one line (no line breaks).")];
            }
            else
            {
                subjects[language] = text.Trim();
            }
        }

        return subjects;
    }
}
