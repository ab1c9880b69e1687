using OutreachBot.MailSubscribers;
using OutreachBot.PublicSite;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Residents;

/// <summary>
/// A form where a resident chooses topics and the mails' language: the subscribe page and the manage page, checked
/// alike here and drawn alike by <c>_SubscriptionChoice.cshtml</c>.
/// </summary>
public interface ISubscriptionChoice
{
    List<string> Topics { get; }

    string? MailLanguage { get; }

    IReadOnlyList<Topic> Choices { get; }

    /// <summary>The language the form shows selected.</summary>
    string? SelectedMailLanguage { get; }

    string Language { get; }

    BotTexts Texts { get; }

    Dictionary<string, string> Errors { get; }

    string? ErrorId(string key);
}

public static class SubscriptionChoice
{
    /// <summary>The chosen topics that exist; no topic, or a language the mails are not written in, adds its error.</summary>
    public static List<long> Check(ISubscriptionChoice form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var chosen = form.Choices.Where(c => form.Topics.Contains(c.Slug)).Select(c => c.Id).ToList();
        if (chosen.Count == 0)
        {
            form.Errors["topics"] = form.Texts[SubscribeTextKeys.TopicsMissing];
        }

        if (!Languages.IsSupported(form.MailLanguage))
        {
            form.Errors["language"] = form.Texts[SubscribeTextKeys.LanguageInvalid];
        }

        return chosen;
    }
}
