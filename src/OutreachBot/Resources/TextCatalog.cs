using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;

namespace OutreachBot.Resources;

/// <summary>
/// The bot's texts per language, read from the .resx files under <c>Resources/Texts</c> (embedded as they are).
/// A text missing in a language falls back along <c>ja-easy → ja</c>, <c>pt-BR → pt → ja</c>: Japanese is the neutral
/// file and has every key.
/// </summary>
/// <remarks>
/// Not a <see cref="System.Resources.ResourceManager"/>: "ja-easy" is no .NET culture (ICU reads it as Japanese in a
/// script called "Easy", <c>ja-Easy</c>, which is not predefined, and invariant-globalization hosts refuse it), so
/// MSBuild would not make a satellite assembly of it and ResourceManager could not find one. The files stay .resx so
/// that translators' tools open them.
/// </remarks>
public sealed class TextCatalog
{
    public const string NeutralLanguage = Languages.Japanese;
    private const string ResourcePrefix = "OutreachBot.Resources.";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;
    private readonly FrozenDictionary<string, BotTexts> _views;

    private TextCatalog(Dictionary<string, Dictionary<string, string>> texts)
    {
        if (!texts.TryGetValue(NeutralLanguage, out var neutral) || neutral.Count == 0)
        {
            throw new InvalidOperationException("The Japanese texts (BotTexts.resx) are missing: every other language falls back to them.");
        }

        _texts = texts.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        Keys = [.. neutral.Keys.Order(StringComparer.Ordinal)];
        _views = Languages.Supported.Select(l => l.Code).Union(_texts.Keys)
            .ToFrozenDictionary(code => code, code => new BotTexts(this, code), StringComparer.Ordinal);
    }

    /// <summary>Every key, as the Japanese file has them.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The languages that have a file of their own.</summary>
    public IEnumerable<string> LanguagesWithTexts => _texts.Keys;

    /// <summary>
    /// Reads the embedded .resx files: one family per feature (<c>BotTexts</c>, and a file set of each feature's own, e.g.
    /// <c>MailTexts.resx</c>, <c>MailTexts.en.resx</c>), merged per language; a key may live in one family only.
    /// <paramref name="overrides"/> (language → key → text) win over them.
    /// </summary>
    public static TextCatalog Load(IReadOnlyDictionary<string, Dictionary<string, string>>? overrides = null)
    {
        var assembly = typeof(TextCatalog).Assembly;
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".resx", StringComparison.Ordinal)))
        {
            var familyAndLanguage = name[ResourcePrefix.Length..^".resx".Length];
            var dot = familyAndLanguage.IndexOf('.', StringComparison.Ordinal);
            var language = dot < 0 ? NeutralLanguage : familyAndLanguage[(dot + 1)..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            var target = texts.TryGetValue(language, out var existing) ? existing : texts[language] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in Read(stream))
            {
                if (!target.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text '{key}' is defined twice for '{language}' ({name} and another file).");
                }
            }
        }

        foreach (var (language, entries) in overrides ?? new Dictionary<string, Dictionary<string, string>>())
        {
            var target = texts.TryGetValue(language, out var existing) ? existing : texts[language] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, text) in entries)
            {
                target[key] = text;
            }
        }

        return new TextCatalog(texts);
    }

    /// <summary>The texts of one language, falling back to Japanese. Unknown languages get Japanese.</summary>
    public BotTexts For(string? language) =>
        language is not null && _views.TryGetValue(language, out var view) ? view : _views[NeutralLanguage];

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> or the nearest language that has it.</summary>
    public string Get(string key, string language)
    {
        foreach (var candidate in FallbackChain(language))
        {
            if (_texts.TryGetValue(candidate, out var entries) && entries.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        throw new KeyNotFoundException($"No text '{key}' in the Japanese texts (Resources/Texts/*.resx).");
    }

    /// <summary>The text of <paramref name="key"/> in this very language's file, or null: for completeness checks.</summary>
    public string? GetOwn(string key, string language) =>
        _texts.TryGetValue(language, out var entries) && entries.TryGetValue(key, out var text) ? text : null;

    /// <summary><c>ja-easy</c> → ja-easy, ja; <c>pt-BR</c> → pt-BR, pt, ja.</summary>
    public static IEnumerable<string> FallbackChain(string language)
    {
        yield return language;
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && language[..dash] != NeutralLanguage)
        {
            yield return language[..dash];
        }

        if (language != NeutralLanguage)
        {
            yield return NeutralLanguage;
        }
    }

    private static Dictionary<string, string> Read(Stream resx)
    {
        var document = XDocument.Load(resx, LoadOptions.PreserveWhitespace);
        return document.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => ((string?)d.Element("value") ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparer.Ordinal);
    }
}

/// <summary>One language's texts: <c>texts["Topic.Subscribe"]</c>, <c>texts.Format("Topic.Followers", 12)</c>.</summary>
public sealed class BotTexts
{
    private readonly TextCatalog _catalog;

    internal BotTexts(TextCatalog catalog, string language)
    {
        _catalog = catalog;
        Language = language;
        Culture = CultureFor(catalog.Get(TextKeys.Culture, language));
    }

    public string Language { get; }

    /// <summary>Formats dates and numbers in this language (from the <c>Culture</c> text).</summary>
    public CultureInfo Culture { get; }

    public string this[string key] => _catalog.Get(key, Language);

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    private static CultureInfo CultureFor(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
