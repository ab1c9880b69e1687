using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.Scheduling;
using OutreachBot.CivicEvents;
using OutreachBot.Disaster.Templates;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>Writes a new broadcast or edits one not yet fired: save as draft, or submit (for approval where required).</summary>
public sealed class ComposeModel(
    StaffBroadcasts broadcasts, BroadcastStore store, BroadcastReader reader, TopicStore topics, CivicEventStore events,
    DisasterTemplateStore templates, Profiles.CityLists.CityListStore cityLists, ConsoleClock clock) : ConsolePage
{
    public long? Id => RouteData.Values["id"] is string id && long.TryParse(id, CultureInfo.InvariantCulture, out var value) ? value : null;

    public ConsoleClock Clock => clock;

    [BindProperty]
    public BroadcastForm Input { get; set; } = new();

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    /// <summary>The districts and skills to choose from: those offered, and retired ones only where the broadcast has them.</summary>
    public Profiles.CityLists.CityLists CityLists { get; private set; } = new([], [], []);

    /// <summary>The events a broadcast can be timed before, soonest first.</summary>
    public IReadOnlyList<CivicEvent> UpcomingEvents { get; private set; } = [];

    public Broadcast? Existing { get; private set; }

    /// <summary>The disaster templates a new broadcast may start from (the page offers them in disaster mode).</summary>
    public IReadOnlyList<DisasterTemplate> Templates { get; private set; } = [];

    public AudiencePreview? Estimate { get; private set; }

    public IReadOnlyList<string> CronFirings { get; private set; } = [];

    /// <param name="template">A disaster template to start a new broadcast from.</param>
    public async Task<IActionResult> OnGetAsync(long? template)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = Existing is null ? new BroadcastForm().Normalize() : BroadcastForm.From(Existing, clock.Zone);
        if (Existing is null && template is { } templateId)
        {
            var chosen = Templates.FirstOrDefault(t => t.Id == templateId);
            if (DisasterTemplateStart.Refusal(chosen) is { } refusal)
            {
                AddError("template", refusal);
            }
            else
            {
                Input = DisasterTemplateStart.Form(chosen!);
            }
        }

        return Page();
    }

    /// <summary><paramref name="action"/>: draft (save), submit, or estimate (count recipients and show the cron firings; nothing saved).</summary>
    public async Task<IActionResult> OnPostAsync(string? action)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var input = Input.ToInput(draft: action != "submit");
        if (action == "estimate")
        {
            await EstimateAsync(input);
            return Page();
        }

        var author = StaffActor.Of(HttpContext);
        var outcome = Existing is null
            ? await broadcasts.CreateAsync(input, author, HttpContext.RequestAborted)
            : await broadcasts.ReplaceAsync(Existing.Id, input, author, HttpContext.RequestAborted);

        if (!outcome.Ok)
        {
            if (outcome.Errors is { } errors)
            {
                AddErrors(errors);
            }
            else
            {
                AddError("form", outcome.Problem.GetValueOrDefault());
            }

            if (Existing is null && outcome.Id is not 0 and var kept)
            {
                // Stored as a draft, but not submitted: go on editing that draft.
                Notice = Errors["form"];
                return Redirect($"/console/broadcasts/compose/{kept}");
            }

            await EstimateAsync(input);
            return Page();
        }

        Notice = action == "submit"
            ? ConsoleText.S("申請しました。", "Submitted.")
            : ConsoleText.S("下書きを保存しました。", "Draft saved.");
        return Redirect($"/console/broadcasts/{outcome.Id}");
    }

    /// <summary>The next five firings of a cron expression in <c>Bot:TimeZone</c>, for the page's script.</summary>
    public IActionResult OnGetCron(string? cron) =>
        CronSchedules.TryParse(cron, clock.Zone, out var expression)
            ? new JsonResult(new { firings = Firings(expression!) })
            : new JsonResult(new { error = ConsoleText.S("Quartz の cron 式を入力してください（例 0 0 10 ? * MON）。", "Enter a Quartz cron expression, e.g. 0 0 10 ? * MON.") });

    /// <summary>The recipient count and quota estimate of a target, for the page's script.</summary>
    public async Task<IActionResult> OnGetEstimateAsync(
        [FromQuery] List<string> topic, string? match, [FromQuery] List<string> language, [FromQuery] List<string> district,
        [FromQuery] List<string> ageBand, [FromQuery] List<string> skill, [FromQuery] List<string> freeDay, bool all)
    {
        var form = new BroadcastForm
        {
            Topics = topic, Match = match ?? "any", Languages = language, Districts = district, AgeBands = ageBand, Skills = skill, FreeDays = freeDay, All = all,
        };
        var (preview, errors) = await reader.PreviewAsync(form.Target(), HttpContext.RequestAborted);
        return preview is null
            ? new JsonResult(new { error = string.Join(" ", errors.Values.SelectMany(e => e).Select(m => m.Text)) })
            : new JsonResult(new { text = EstimateText(preview) });
    }

    public static string EstimateText(AudiencePreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var quota = preview.Quota;
        var recipients = ConsoleText.S($"配信対象 {preview.Recipients:N0} 人", $"{preview.Recipients:N0} recipients");
        var left = quota switch
        {
            { Problem: not null } => ConsoleText.S("残り通数は確認できません", "the quota could not be read"),
            { Limited: false } => ConsoleText.S("通数の上限なし", "no monthly limit"),
            { WouldExceed: true } => ConsoleText.S($"今月の残り {quota.Remaining:N0} 通を超えます（保留されます）", $"more than the {quota.Remaining:N0} messages left this month (it will be held)"),
            _ => ConsoleText.S($"今月の残り {quota.Remaining:N0} 通のうち {quota.WouldUse:N0} 通を使います", $"uses {quota.WouldUse:N0} of the {quota.Remaining:N0} messages left this month"),
        };
        return $"{recipients} · {left}";
    }

    private async Task EstimateAsync(BroadcastInput input)
    {
        if (input.Target?.Topics is { Count: > 0 } || input.Target?.All == true)
        {
            (Estimate, _) = await reader.PreviewAsync(input.Target, HttpContext.RequestAborted);
        }

        if (Input.Schedule == "cron" && CronSchedules.TryParse(Input.Cron, clock.Zone, out var expression))
        {
            CronFirings = Firings(expression!);
        }

        Input.Normalize();
    }

    private string[] Firings(Quartz.CronExpression expression) =>
        [.. CronSchedules.Next(expression, clock.UtcNow, 5).Select(t => clock.Format(t))];

    private async Task<bool> LoadAsync()
    {
        Topics = await topics.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        CityLists = await cityLists.ReadAsync(HttpContext.RequestAborted);
        UpcomingEvents = (await events.UpcomingAsync(clock.UtcNow, 0, 200, HttpContext.RequestAborted)).Page;
        if (Id is not { } id)
        {
            Templates = await templates.ListAsync(HttpContext.RequestAborted);
            return true;
        }

        Existing = await store.FindAsync(id, HttpContext.RequestAborted);
        return Existing is not null;
    }

    /// <summary>The server's preview of a variant as typed (the page's script redraws it while typing).</summary>
    public static IReadOnlyList<PreviewBubble> PreviewOf(MessageVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return [.. variant.Slots.Where(s => !s.IsEmpty).Select(s => s.Type switch
        {
            "text" => new PreviewBubble("text", s.Text ?? ""),
            "image" => new PreviewBubble("image", s.ImageUrl ?? "", s.ImageUrl),
            "card" => new PreviewBubble("card", s.CardTitle ?? "", s.CardUrl, [.. new[] { s.CardStartsAt, s.CardVenue }.OfType<string>()]),
            _ => new PreviewBubble("other", "JSON"),
        })];
    }

    private static string Target(long id) => "broadcast:" + id.ToString(CultureInfo.InvariantCulture);
}
