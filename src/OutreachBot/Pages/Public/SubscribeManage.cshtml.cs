using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Residents;

/// <summary>
/// <c>/subscribe/manage?t=</c>: a subscriber changes topics or language. The signed link is the only credential, so the
/// form needs no anti-forgery token (and the page sets no cookie); leaving goes through the unsubscribe page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeManageModel(TextCatalog catalog, MailSubscriberStore store, SubscriberTokens tokens, TopicStore topics, TimeProvider time)
    : SubscriberLinkPage(catalog, store)
{
    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public string? MailLanguage { get; set; }

    public IReadOnlyList<Topic> Choices { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public bool Saved { get; private set; }

    public string? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Manage);
        if (await SubscriberAsync(token) is not { } subscriber)
        {
            return LinkProblem(token.Status == SubscriberTokenStatus.Valid ? SubscriberTokenStatus.Invalid : token.Status);
        }

        Token = t;
        Choices = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        var mine = await Store.TopicIdsOfAsync(subscriber.Id, HttpContext.RequestAborted);
        Topics = [.. Choices.Where(c => mine.Contains(c.Id)).Select(c => c.Slug)];
        MailLanguage = subscriber.Language;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? t)
    {
        var token = tokens.Read(t, SubscriberTokenPurpose.Manage);
        if (await SubscriberAsync(token) is not { } subscriber)
        {
            return LinkProblem(token.Status == SubscriberTokenStatus.Valid ? SubscriberTokenStatus.Invalid : token.Status);
        }

        Token = t;
        Choices = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        var chosen = Choices.Where(c => Topics.Contains(c.Slug)).Select(c => c.Id).ToList();
        if (chosen.Count == 0)
        {
            Errors["topics"] = Texts[SubscribeTextKeys.TopicsMissing];
        }

        if (!Languages.IsSupported(MailLanguage))
        {
            Errors["language"] = Texts[SubscribeTextKeys.LanguageInvalid];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await Store.ChangeAsync(subscriber.Id, subscriber.TokenVersion, MailLanguage!, chosen, time.GetUtcNow(), HttpContext.RequestAborted))
        {
            return LinkProblem(SubscriberTokenStatus.Invalid);
        }

        Saved = true;
        return Page();
    }

    public string? ErrorId(string key) => Errors.ContainsKey(key) ? "e-" + key : null;

    public string WithToken(string path) => $"{path}?t={Uri.EscapeDataString(Token ?? "")}&{LanguageParameter}={Uri.EscapeDataString(Language)}";
}
