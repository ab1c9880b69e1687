using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications.Web;
using OutreachBot.Conversations.Flows;
using OutreachBot.Mail;
using OutreachBot.MailSubscribers;
using OutreachBot.Resources;
using OutreachBot.StaffConsole;

namespace OutreachBot.PublicSite.Pages;

/// <summary>
/// <c>/events/{id}/apply</c>: residents without LINE apply with an e-mail address, the party size, a name and the
/// event's questions. A valid form always ends on "check your mail"; nothing is held until the mail's link is followed.
/// </summary>
public sealed class EventApplyModel(TextCatalog catalog, CivicEventStore events, WebApplications web, MailChannel mail, TimeProvider time)
    : PublicPage(catalog)
{
    public const int MaxNameLength = 100;

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PartySize { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public CivicEvent? Event { get; private set; }

    /// <summary>The event takes no applications now (or this bot sends no mail): the page says so instead of the form.</summary>
    public bool Closed { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        if (Closed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var e = Event!;
        var answers = Check(e);
        if (Errors.Count > 0)
        {
            return FormWithErrors();
        }

        var client = SignInAddress.Of(HttpContext.Connection.RemoteIpAddress?.ToString());
        await web.SubmitAsync(
            new WebApplicationForm(e.Id, Address!.Trim(), Language, int.Parse(PartySize!, CultureInfo.InvariantCulture), Name!.Trim(), answers, client),
            HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }


    /// <summary>Checks every field, naming each mistake; the answers as staff read them (a choice by its Japanese label).</summary>
    private List<string> Check(CivicEvent e)
    {
        if (!SubscribeAddress.IsValid(Address))
        {
            Errors["address"] = Texts[WebApplyTextKeys.AddressInvalid];
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            Errors["name"] = Texts[WebApplyTextKeys.NameInvalid];
        }

        if (!int.TryParse(PartySize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > e.Details.MaxPartySize)
        {
            Errors["party"] = Texts[WebApplyTextKeys.PartyInvalid];
        }

        var answers = new List<string>();
        for (var i = 0; i < e.Details.Questions.Count; i++)
        {
            if (Answer(e.Details.Questions[i], Answers.ElementAtOrDefault(i)?.Trim()) is { } answer)
            {
                answers.Add(answer);
            }
            else
            {
                Errors[$"q{i}"] = Texts[WebApplyTextKeys.AnswerInvalid];
            }
        }

        return answers;
    }

    private static string? Answer(EventQuestion question, string? typed)
    {
        if (question.Kind == EventQuestion.Text)
        {
            return string.IsNullOrEmpty(typed) || typed.Length > EventDetailsValidation.MaxShortTextLength ? null : typed;
        }

        if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !ApplicationAnswers.Accepts(question, value))
        {
            return null;
        }

        return question.Kind == EventQuestion.Choice ? question.ChoiceIn(value, Languages.Japanese) : value.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        if (await events.FindAsync(id, HttpContext.RequestAborted) is not { } found)
        {
            return NotFoundPage();
        }

        Event = found;
        Closed = !mail.Available || !found.AcceptsApplicationsAt(time.GetUtcNow());
        return null;
    }
}
