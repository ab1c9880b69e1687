using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Profiles.CityLists;

namespace OutreachBot.Profiles;

/// <summary>
/// Checks a target's districts and profile filters against the city's lists and the fixed choices, naming the first
/// unknown entry of each field. A retired entry is still known: citizens who chose it keep it.
/// </summary>
public static class ProfileTargetChecks
{
    public static ProfileFilter? Check(TargetInput input, CityLists.CityLists lists, Dictionary<string, Bilingual[]> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(errors);
        Unknown(errors, "target.districts", input.Districts, d => lists.District(d) is not null, "地区", "district", "the city's list");
        Unknown(errors, "target.ageBands", input.AgeBands, ProfileChoices.AgeBands.Contains, "年代", "age band", "10s, 20s, … 70s, 80+");
        Unknown(errors, "target.skills", input.Skills, s => lists.Skill(s) is not null, "得意なこと・関心", "skill", "the city's list");
        Unknown(errors, "target.freeDays", input.FreeDays, ProfileChoices.Days.Contains, "曜日", "day", "mon … sun");
        return ProfileFilter.Of(input.AgeBands, input.Skills, input.FreeDays);
    }

    private static void Unknown(
        Dictionary<string, Bilingual[]> errors, string field, List<string>? given, Func<string, bool> known, string ja, string en, string from)
    {
        if (given?.FirstOrDefault(g => !known(g)) is { } unknown)
        {
            errors[field] = [new($"{ja}「{unknown}」はありません（{from}から選んでください）。", $"No {en} '{unknown}': choose from {from}.")];
        }
    }
}
