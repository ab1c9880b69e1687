using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace OutreachBot.Conversations;

/// <summary>
/// Typed commands (メニュー, menu, 登録, 解除, 配信停止, イベント, ヘルプ, 言語...), recognised in every language at once:
/// a citizen who chose English may still type 「メニュー」. The words come from the Command.* texts; a text matches when,
/// normalized, it equals one of them: ＭＥＮＵ, Menu and ﾒﾆｭｰ all read as menu.
/// </summary>
public sealed class TextCommands
{
    private static readonly (string Key, Func<Command> Create)[] Definitions =
    [
        (TextKeys.CommandMenu, () => new Command.ShowMenu()),
        (TextKeys.CommandTopics, () => new Command.ShowTopics(1)),
        (TextKeys.CommandMine, () => new Command.ShowSubscriptions()),
        (TextKeys.CommandStopAll, () => new Command.StopAll()),
        (TextKeys.CommandEvents, () => new Command.ShowEvents(1)),
        (TextKeys.CommandHelp, () => new Command.ShowHelp()),
        (TextKeys.CommandLanguage, () => new Command.ShowLanguages()),
        (TextKeys.CommandAsk, () => new Command.Ask()),
    ];

    private readonly FrozenDictionary<string, Func<Command>> _commands;

    public TextCommands(TextCatalog texts)
    {
        var commands = new Dictionary<string, (string Key, Func<Command> Create)>(StringComparer.Ordinal);
        foreach (var (key, create) in Definitions)
        {
            foreach (var language in texts.LanguagesWithTexts)
            {
                foreach (var alias in (texts.GetOwn(key, language) ?? "").Split('|'))
                {
                    var word = Normalize(alias);
                    if (word.Length == 0)
                    {
                        continue;
                    }

                    if (commands.TryGetValue(word, out var taken) && taken.Key != key)
                    {
                        throw new InvalidOperationException($"The command word '{word}' ({language}) means both {taken.Key} and {key}.");
                    }

                    commands[word] = (key, create);
                }
            }
        }

        _commands = commands.ToFrozenDictionary(c => c.Key, c => c.Value.Create, StringComparer.Ordinal);
    }

    public IEnumerable<string> Words => _commands.Keys;

    public Command? Match(string text) => _commands.TryGetValue(Normalize(text), out var create) ? create() : null;

    /// <summary>
    /// NFKC (full-width letters and digits to half-width, half-width katakana to full-width), lower case, inner
    /// whitespace collapsed, and trailing sentence punctuation dropped (「メニュー。」, "help!").
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        while (builder.Length > 1 && builder[^1] is '.' or '!' or '?' or '。' or '、' or ',')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a text says something a person could answer: at least two letters or digits. Emoji, stickers-as-text
    /// and lone punctuation do not.
    /// </summary>
    public static bool SaysSomething(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (IsLetterOrDigit(CharUnicodeInfo.GetUnicodeCategory(text, i)) && ++count >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetterOrDigit(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}
