using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Residents;

/// <summary>
/// <c>/subscribe/manage?t=</c>: a subscriber changes topics or language. The signed link is the only credential, so the
/// form needs no anti-forgery token (and the page sets no cookie); leaving goes through the unsubscribe page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeManageModel(TextCatalog catalog, MailSubscriberStore store, SubscriberTokens tokens, TopicStore topics, TimeProvider time)
    : SubscriberLinkPage(catalog, store), ISubscriptionChoice
{
    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public string? MailLanguage { get; set; }

    public IReadOnlyList<Topic> Choices { get; private set; } = [];

    public string? SelectedMailLanguage => MailLanguage;

    public bool Saved { get; private set; }

    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        var (subscriber, problem) = await OpenAsync(t);
        if (subscriber is null)
        {
            return problem!;
        }

        var mine = await Store.TopicIdsOfAsync(subscriber.Id, HttpContext.RequestAborted);
        Topics = [.. Choices.Where(c => mine.Contains(c.Id)).Select(c => c.Slug)];
        MailLanguage = subscriber.Language;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? t)
    {
        var (subscriber, problem) = await OpenAsync(t);
        if (subscriber is null)
        {
            return problem!;
        }

        var chosen = SubscriptionChoice.Check(this);
        if (Errors.Count > 0)
        {
            return FormWithErrors();
        }

        if (!await Store.ChangeAsync(subscriber.Id, subscriber.TokenVersion, MailLanguage!, chosen, time.GetUtcNow(), HttpContext.RequestAborted))
        {
            return LinkProblem(SubscriberTokenStatus.Invalid);
        }

        Saved = true;
        return Page();
    }

    /// <summary>The subscriber the manage link names, with the topics to choose from; or the link's problem.</summary>
    private async Task<(MailSubscriber? Subscriber, IActionResult? Problem)> OpenAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Manage);
        if (await SubscriberAsync(token) is not { } subscriber)
        {
            return (null, LinkProblem(token.Status == SubscriberTokenStatus.Valid ? SubscriberTokenStatus.Invalid : token.Status));
        }

        Token = t;
        Choices = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        return (subscriber, null);
    }

    public string WithToken(string path) => $"{path}?t={Uri.EscapeDataString(Token ?? "")}&{LanguageParameter}={Uri.EscapeDataString(Language)}";
}
