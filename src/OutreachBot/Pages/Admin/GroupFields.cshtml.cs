using Microsoft.AspNetCore.Mvc;
using OutreachBot.Groups;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Admin;

/// <summary>Admins keep the list of fields of activity groups choose from and residents filter by.</summary>
public sealed class GroupFieldsModel(GroupFieldStore fields, AuditLog audit) : ConsolePage
{
    public const int MaxName = 30;

    public IReadOnlyList<GroupField> Fields { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Names { get; set; } = [];

    public async Task OnGetAsync() => Fields = await fields.ListAsync(includeArchived: true, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var names = Names.Where(n => Languages.IsSupported(n.Key) && !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key, n => n.Value!.Trim(), StringComparer.Ordinal);
        if (!names.TryGetValue(Languages.Japanese, out var japanese) || names.Values.Any(n => n.Length > MaxName))
        {
            AddError("names.ja", new($"日本語の名前を{MaxName}文字以内で入力してください（他の言語も{MaxName}文字以内）。", $"Enter the Japanese name, at most {MaxName} characters (the others too)."));
            await OnGetAsync();
            return Page();
        }

        var id = await fields.AddAsync(names, HttpContext.RequestAborted);
        await audit.WriteAsync(HttpContext, AuditActions.GroupFieldsChanged, $"field:{id}", $"added {japanese}");
        Notice = ConsoleText.S("活動分野を追加しました。", "The field was added.");
        return LocalRedirect("/console/admin/group-fields");
    }
}
