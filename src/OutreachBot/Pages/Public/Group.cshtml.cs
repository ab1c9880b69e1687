using Microsoft.AspNetCore.Mvc;
using OutreachBot.Groups;

namespace OutreachBot.PublicSite.Pages;

/// <summary>One civic group's approved profile, its description in the reader's language (else Japanese).</summary>
public sealed class GroupModel(TextCatalog catalog, GroupStore groups, GroupFieldStore fields) : PublicPage(catalog)
{
    public CivicGroup Group { get; private set; } = null!;

    public GroupProfile Profile => Group.Profile!;

    public IReadOnlyList<GroupField> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await groups.FindAsync(id, cancellationToken) is not { Profile: not null } group)
        {
            return NotFoundPage();
        }

        Group = group;
        Fields = await fields.ListAsync(includeArchived: true, cancellationToken);
        ConditionalGet.LastModified(Response, group.ApprovedAt);
        return Page();
    }
}
