using System.Text;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>
/// A batch's recipients as the ledger stores them, user ids joined by '\n', and sent from there: a batch costs one
/// string, not one per citizen.
/// </summary>
public readonly record struct RecipientList(string Joined, int Count)
{
    private const char Separator = '\n';

    public static RecipientList Empty { get; } = new("", 0);

    public static RecipientList Parse(string joined) =>
        joined.Length == 0 ? Empty : new(joined, joined.AsSpan().Count(Separator) + 1);

    /// <summary>The same list without <paramref name="gone"/>; itself when none of them is in it.</summary>
    public RecipientList Without(HashSet<string> gone)
    {
        if (gone.Count == 0 || Count == 0)
        {
            return this;
        }

        var lookup = gone.GetAlternateLookup<ReadOnlySpan<char>>();
        var ids = Joined.AsSpan();
        StringBuilder? kept = null;
        var count = 0;
        foreach (var range in ids.Split(Separator))
        {
            var id = ids[range];
            if (lookup.Contains(id))
            {
                // The first one gone: the ids before it stay as they are.
                kept ??= new StringBuilder(Joined.Length).Append(ids[..Math.Max(0, range.Start.Value - 1)]);
                continue;
            }

            count++;
            if (kept is not null)
            {
                (kept.Length > 0 ? kept.Append(Separator) : kept).Append(id);
            }
        }

        return kept is null ? this : new(kept.ToString(), count);
    }

    public PreparedMulticast ToMulticast(PreparedMessages messages, string aggregationUnit) =>
        PreparedMulticast.Create(Joined, Separator, Count, messages, customAggregationUnit: aggregationUnit);
}
