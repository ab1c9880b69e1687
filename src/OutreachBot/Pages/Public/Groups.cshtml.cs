using OutreachBot.Groups;

namespace OutreachBot.PublicSite.Pages;

/// <summary>The directory of civic groups with an approved profile, filtered by field of activity and area.</summary>
public sealed class GroupsModel(TextCatalog catalog, GroupStore groups, GroupFieldStore fields) : PublicPage(catalog)
{
    public IReadOnlyList<CivicGroup> Shown { get; private set; } = [];

    public IReadOnlyList<GroupField> Fields { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public long? Field { get; private set; }

    public string? Area { get; private set; }

    public async Task OnGetAsync(long? field, string? area, CancellationToken cancellationToken)
    {
        var all = await groups.ListPublicAsync(cancellationToken);
        Fields = await fields.ListAsync(includeArchived: false, cancellationToken);
        Areas = [.. all.SelectMany(g => g.Profile!.Areas).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Field = field;
        Area = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        Shown = [.. all.Where(g => (Field is null || g.Profile!.Fields.Contains(Field.Value)) && (Area is null || g.Profile!.Areas.Contains(Area)))];
        ConditionalGet.LastModified(Response, all.Count == 0 ? null : all.Max(g => g.ApprovedAt));
    }
}
