using SkiaSharp;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// Typefaces for the menu images: the configured file, else a CJK font found on the machine (fonts-noto-cjk,
/// fonts-ipafont-gothic), else whatever fontconfig offers for Japanese; for a label the main font cannot draw
/// (Korean with IPAGothic) fontconfig is asked per missing character.
/// </summary>
public sealed class RichMenuFonts : IDisposable
{
    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
        "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    ];

    private readonly List<SKTypeface> _owned = [];

    public RichMenuFonts(string? configuredFile)
    {
        var file = !string.IsNullOrWhiteSpace(configuredFile) ? configuredFile : KnownFiles.FirstOrDefault(File.Exists);
        Main = (file is null ? null : Own(SKTypeface.FromFile(file)))
            ?? Own(SKFontManager.Default.MatchCharacter('あ'))
            ?? SKTypeface.Default;
        Identity = file ?? Main.FamilyName;
    }

    public SKTypeface Main { get; }

    /// <summary>The font's file or family: part of each menu's fingerprint, since another font draws another image.</summary>
    public string Identity { get; }

    /// <summary>A typeface that draws every character of <paramref name="text"/>, or null when none on this machine does.</summary>
    public SKTypeface? For(string text)
    {
        if (Main.ContainsGlyphs(text))
        {
            return Main;
        }

        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codepoint = char.ConvertToUtf32(text, i);
            if (!char.IsWhiteSpace(text, i) && !Main.ContainsGlyph(codepoint))
            {
                return SKFontManager.Default.MatchCharacter(codepoint) is { } fallback && fallback.ContainsGlyphs(text) ? Own(fallback) : null;
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var typeface in _owned)
        {
            typeface.Dispose();
        }
    }

    private SKTypeface? Own(SKTypeface? typeface)
    {
        if (typeface is not null)
        {
            _owned.Add(typeface);
        }

        return typeface;
    }
}
