using SkiaSharp;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>Draws a menu image from its tiles: a coloured rounded card per tile with its label, as a PNG of the menu's size.</summary>
public static class RichMenuRenderer
{
    private const float Gap = 12;
    private const float MaxTextSize = 150;
    private const float MinTextSize = 48;

    private static readonly SKColor[] Palette =
    [
        new(0x06, 0xA7, 0x7D), new(0x1F, 0x7A, 0x8C), new(0xE0, 0x7A, 0x1F),
        new(0x3D, 0x5A, 0x98), new(0x6C, 0x75, 0x7D), new(0x8E, 0x44, 0xAD),
    ];

    /// <param name="fallbackLabels">Labels to draw when no font here has the glyphs of the first choice (English ones, say).</param>
    public static byte[] Render(RichMenuLayout layout, RichMenuFonts fonts, IReadOnlyList<string> fallbackLabels)
    {
        var size = layout.Size;
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        for (var i = 0; i < layout.Tiles.Count; i++)
        {
            var tile = layout.Tiles[i];
            var card = SKRect.Create(tile.Bounds.X + Gap, tile.Bounds.Y + Gap, tile.Bounds.Width - (2 * Gap), tile.Bounds.Height - (2 * Gap));
            using (var fill = new SKPaint { Color = Palette[i % Palette.Length], IsAntialias = true })
            {
                canvas.DrawRoundRect(card, 48, 48, fill);
            }

            var label = tile.Label;
            var typeface = fonts.For(label);
            if (typeface is null && i < fallbackLabels.Count)
            {
                label = fallbackLabels[i];
                typeface = fonts.For(label);
            }

            DrawLabel(canvas, label, card, typeface ?? fonts.Main);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Centred, on one line, or on two at a " / " or a space; shrunk until it fits the card, across and down.</summary>
    private static void DrawLabel(SKCanvas canvas, string label, SKRect card, SKTypeface typeface)
    {
        var maxWidth = card.Width * 0.86f;
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        // Capped by the card, so that small cards of a large menu do not break short labels onto two lines.
        var largest = Math.Min(MaxTextSize, Math.Min(card.Width * 0.2f, card.Height * 0.3f));
        using var font = new SKFont(typeface, largest) { Subpixel = true };
        var lines = Lines(label, font, maxWidth);
        while (font.Size > MinTextSize && (lines.Any(l => font.MeasureText(l) > maxWidth) || lines.Count * font.Size * 1.25f > card.Height * 0.86f))
        {
            font.Size -= 6;
            lines = Lines(label, font, maxWidth);
        }

        var lineHeight = font.Size * 1.25f;
        var top = card.MidY - (lineHeight * lines.Count / 2) + (font.Size * 0.9f);
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], card.MidX, top + (i * lineHeight), SKTextAlign.Center, font, paint);
        }
    }

    private static List<string> Lines(string label, SKFont font, float maxWidth)
    {
        if (label.Contains(" / ", StringComparison.Ordinal))
        {
            return [.. label.Split(" / ", 2)];
        }

        if (font.MeasureText(label) <= maxWidth)
        {
            return [label];
        }

        var space = label.LastIndexOf(' ', label.Length / 2 + (label.Length / 4));
        return space > 0 ? [label[..space], label[(space + 1)..]] : [label];
    }
}
