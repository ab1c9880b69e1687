using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.CivicEvents;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Events;

/// <summary>Creates an event (no id in the route) or edits one: titles per language, start and end in Bot:TimeZone, venue, links, topic.</summary>
public sealed class EditModel(CivicEventStore events, CivicEventEditor editor, TopicStore topics, ConsoleClock clock) : ConsolePage
{
    public long? Id => RouteData.Values["id"] is string id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool IsNew => Id is null;

    [BindProperty]
    public EventForm Input { get; set; } = new();

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    /// <summary>Whether a field under <paramref name="prefix"/> (a question's) has an error, so that its part of the form opens.</summary>
    public bool HasErrorsUnder(string prefix) => Errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    public IEnumerable<IHtmlContent> ErrorsUnder(string prefix) =>
        Errors.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(ErrorFor).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        Topics = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        if (IsNew)
        {
            return Page();
        }

        if (await events.FindAsync(Id!.Value, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Input = EventForm.From(found, clock.Zone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Topics = await topics.ListAsync(includeArchived: false, cancel);
        var existing = IsNew ? null : await events.FindAsync(Id!.Value, cancel);
        if (!IsNew && existing is null)
        {
            return NotFound();
        }

        var (draft, errors) = Input.ToDraft(clock.Zone, cancelled: existing?.Cancelled ?? false);
        AddErrors(errors);
        if (draft is null)
        {
            return Page();
        }

        var actor = StaffActor.Of(HttpContext);
        long? id = IsNew ? await editor.CreateAsync(draft, actor, cancel) : await editor.UpdateAsync(Id!.Value, draft, actor, cancel) ? Id : null;
        if (id is null)
        {
            AddError("topic", new("選べるトピックから選んでください。", "Choose one of the listed topics."));
            return Page();
        }

        var title = draft.Titles[Languages.Japanese];
        Notice = ConsoleText.S($"「{title}」を保存しました。", $"“{draft.Titles.GetValueOrDefault(Languages.English) ?? title}” was saved.");
        return Redirect($"/console/events/{id}");
    }
}
