using Microsoft.AspNetCore.Mvc;
using OutreachBot.Groups;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.GroupPortal;

/// <summary>A group edits its own profile: saved for an approver, public once approved. Saving unchanged confirms it (内容確認).</summary>
public sealed class IndexModel(GroupStore groups, GroupFieldStore fields, GroupProfiles profiles) : ConsolePage
{
    public CivicGroup Group { get; private set; } = null!;

    public IReadOnlyList<GroupField> Fields { get; private set; } = [];

    [BindProperty]
    public GroupProfileInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Logo { get; set; }

    /// <summary>The areas as typed: one per line.</summary>
    [BindProperty]
    public string? AreaLines { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        Input = (Group.Pending ?? Group.Profile) is { } shown ? GroupProfileInput.From(shown) : new GroupProfileInput { Name = Group.Name };
        AreaLines = string.Join('\n', Input.Areas ?? []);
        return Page();
    }

    /// <summary>The group's own logo: the one waiting for approval, else the public one.</summary>
    public async Task<IActionResult> OnGetLogoAsync()
    {
        if (await OwnGroupAsync() is not { } id)
        {
            return Forbid();
        }

        var logo = await groups.LogoAsync(id, pending: true, HttpContext.RequestAborted) ?? await groups.LogoAsync(id, pending: false, HttpContext.RequestAborted);
        return logo is null ? NotFound() : File(logo.Bytes, logo.ContentType);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        Input.Areas = [.. (AreaLines ?? "").Split('\n')];
        var profile = Input.Validate(await fields.InUseAsync(HttpContext.RequestAborted));
        AddErrors(Input.Errors);
        var logo = await ReadLogoAsync();
        if (profile is null || Errors.Count > 0)
        {
            return Page();
        }

        await profiles.SubmitAsync(Group.Id, profile, logo, StaffActor.Of(HttpContext), HttpContext.RequestAborted);
        Notice = ConsoleText.S("保存しました。市の承認のあと公開されます。", "Saved. It goes public once the city approves it.");
        return LocalRedirect(ConsolePolicies.GroupHome);
    }

    private async Task<GroupLogo?> ReadLogoAsync()
    {
        if (Logo is not { Length: > 0 } upload)
        {
            return null;
        }

        if (upload.Length > GroupLogos.MaxUploadBytes)
        {
            AddError("logo", new("ファイルが大きすぎます（5MBまで）。", "The file is too large (5 MB at most)."));
            return null;
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var logo = GroupLogos.Normalize(buffer.ToArray());
        if (logo is null)
        {
            AddError("logo", new("画像として読めません。PNG か JPEG のファイルを選んでください。", "This is not an image we can read. Choose a PNG or JPEG file."));
        }

        return logo;
    }

    private async Task<long?> OwnGroupAsync() =>
        User.AccountId() is { } account ? await groups.GroupOfAsync(account, HttpContext.RequestAborted) : null;

    private async Task<bool> LoadAsync()
    {
        if (await OwnGroupAsync() is not { } id || await groups.FindAsync(id, HttpContext.RequestAborted) is not { } group)
        {
            return false;
        }

        Group = group;
        Fields = await fields.ListAsync(includeArchived: false, HttpContext.RequestAborted);
        return true;
    }
}
