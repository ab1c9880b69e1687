using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Pages.Topics;

/// <summary>Creates a topic (no slug in the route) or edits one: names and descriptions per language, order, parent, archived.</summary>
public sealed class EditModel(TopicStore topics, TopicEditor editor) : ConsolePage
{
    public string? Slug => RouteData.Values["slug"] as string;

    [BindProperty]
    public TopicForm Input { get; set; } = new();

    public bool IsNew => Slug is null;

    public IReadOnlyList<Topic> Parents { get; private set; } = [];

    public long SubscriberCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var all = await LoadParentsAsync();
        if (IsNew)
        {
            Input.Order = ((all.Count == 0 ? 0 : all.Max(t => t.Order)) + 10).ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        if (all.FirstOrDefault(t => t.Slug == Slug) is not { } topic)
        {
            return NotFound();
        }

        Input = TopicForm.From(topic);
        SubscriberCount = topic.SubscriberCount;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var all = await LoadParentsAsync();
        var existing = IsNew ? null : all.FirstOrDefault(t => t.Slug == Slug);
        if (!IsNew && existing is null)
        {
            return NotFound();
        }

        SubscriberCount = existing?.SubscriberCount ?? 0;
        var slug = IsNew ? (Input.Slug ?? "").Trim() : Slug!;
        if (!int.TryParse(Input.Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
        {
            AddError("order", new("0以上の整数を入力してください。", "Enter a whole number, 0 or more."));
        }

        var draft = Input.ToDraft(slug, order);
        AddErrors(TopicValidation.Check(draft));
        if (draft.ParentSlug is { } parent && all.All(t => t.Slug != parent))
        {
            AddError("parent", new("選べるトピックから選んでください。", "Choose one of the listed topics."));
        }

        if (Errors.Count == 0)
        {
            var actor = StaffActor.Of(HttpContext);
            if (IsNew && !await editor.CreateAsync(draft, actor, HttpContext.RequestAborted))
            {
                AddError("slug", new("このスラッグはすでに使われています。", "Another topic already has this slug."));
            }
            else if (!IsNew)
            {
                await editor.UpdateAsync(draft, actor, HttpContext.RequestAborted);
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        Notice = ConsoleText.S($"「{draft.Names[Languages.Japanese]}」を保存しました。", $"“{draft.Names.GetValueOrDefault(Languages.English) ?? draft.Names[Languages.Japanese]}” was saved.");
        return Redirect("/console/topics");
    }

    private async Task<IReadOnlyList<Topic>> LoadParentsAsync()
    {
        var all = await topics.ListAsync(includeArchived: true, HttpContext.RequestAborted);
        Parents = [.. all.Where(t => t.Slug != Slug)];
        return all;
    }
}

/// <summary>The topic form as typed: kept whole on an error, blank translations meaning "none".</summary>
public sealed class TopicForm
{
    public string? Slug { get; set; }

    public Dictionary<string, string?> Names { get; set; } = [];

    public Dictionary<string, string?> Descriptions { get; set; } = [];

    public string? Order { get; set; }

    public string? Parent { get; set; }

    public bool Archived { get; set; }

    public static TopicForm From(Topic topic) => new()
    {
        Slug = topic.Slug,
        Names = topic.Names.ToDictionary(n => n.Key, n => (string?)n.Value),
        Descriptions = topic.Descriptions.ToDictionary(n => n.Key, n => (string?)n.Value),
        Order = topic.Order.ToString(CultureInfo.InvariantCulture),
        Parent = topic.ParentSlug,
        Archived = topic.Archived,
    };

    public TopicDraft ToDraft(string slug, int order) => new(
        slug,
        Filled(Names),
        Filled(Descriptions),
        order,
        Archived,
        string.IsNullOrWhiteSpace(Parent) ? null : Parent);

    private static Dictionary<string, string> Filled(Dictionary<string, string?> texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value!.Trim());
}
