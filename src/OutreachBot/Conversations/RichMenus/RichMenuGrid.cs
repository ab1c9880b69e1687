namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// Where a rich menu's tap areas go for a number of entries: up to three side by side on LINE's compact size
/// (2500 x 843), more in two to four rows of at most five on the large size (2500 x 1686). Rows share the entries as
/// evenly as they can, and each row's areas share its width, so no part of the picture is dead.
/// </summary>
public sealed record RichMenuGrid(RichMenuSize Size, IReadOnlyList<RichMenuBounds> Cells)
{
    public static readonly RichMenuSize Compact = new(2500, 843);
    public static readonly RichMenuSize Large = new(2500, 1686);

    public static RichMenuGrid For(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, LineLimits.RichMenuAreas);
        var rows = count switch
        {
            <= 3 => 1,
            <= 8 => 2,
            <= 15 => 3,
            _ => 4,
        };
        var size = rows == 1 ? Compact : Large;
        var cells = new List<RichMenuBounds>(count);
        for (var row = 0; row < rows; row++)
        {
            var (top, bottom) = (Edge(size.Height, rows, row), Edge(size.Height, rows, row + 1));
            var inRow = (count / rows) + (row < count % rows ? 1 : 0);
            for (var column = 0; column < inRow; column++)
            {
                var (left, right) = (Edge(size.Width, inRow, column), Edge(size.Width, inRow, column + 1));
                cells.Add(new RichMenuBounds(left, top, right - left, bottom - top));
            }
        }

        return new RichMenuGrid(size, cells);
    }

    private static int Edge(int length, int parts, int index) =>
        (int)Math.Round((double)length * index / parts, MidpointRounding.AwayFromZero);
}
