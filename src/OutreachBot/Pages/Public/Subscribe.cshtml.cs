using Microsoft.AspNetCore.Mvc;
using OutreachBot.MailSubscribers;
using OutreachBot.PublicSite;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Residents;

/// <summary><c>/subscribe</c>: an address, topics and the mails' language; a valid request always ends on "check your mail".</summary>
public sealed class SubscribeModel(TextCatalog catalog, TopicStore topics, SubscribeRequests requests) : PublicPage(catalog), ISubscriptionChoice
{
    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public string? MailLanguage { get; set; }

    public IReadOnlyList<Topic> Choices { get; private set; } = [];

    public string? SelectedMailLanguage => MailLanguage ?? Language;

    public bool Sent { get; private set; }

    public async Task OnGetAsync() => Choices = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Choices = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        if (!SubscribeAddress.IsValid(Address))
        {
            Errors["address"] = Texts[SubscribeTextKeys.AddressInvalid];
        }

        var chosen = SubscriptionChoice.Check(this);
        if (Errors.Count > 0)
        {
            return FormWithErrors();
        }

        var client = SignInAddress.Of(HttpContext.Connection.RemoteIpAddress?.ToString());
        await requests.SubmitAsync(new SubscribeRequest(Address!.Trim(), MailLanguage!, chosen, client), HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
