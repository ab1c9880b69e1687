using OutreachBot.Disaster.Templates;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>
/// 「テンプレートから作成」 in the composer during disaster mode: each language's first message is its own translation,
/// urgent, to every follower, so that every citizen reads their language; a template with a language missing is refused.
/// </summary>
public static class DisasterTemplateStart
{
    public static Bilingual? Refusal(DisasterTemplate? template) => template switch
    {
        null => new("そのテンプレートはありません。", "There is no such template."),
        { Missing.Count: > 0 } => new(
            $"「{template.Name}」は次の言語が未翻訳のため使えません: {string.Join(", ", template.Missing)}。テンプレートを翻訳してから使ってください。",
            $"\"{template.Name}\" lacks these languages: {string.Join(", ", template.Missing)}. Translate it before using it."),
        _ => null,
    };

    public static BroadcastForm Form(DisasterTemplate template) => new BroadcastForm
    {
        Title = template.Name,
        Urgent = true,
        All = true,
        Variants = [.. template.Texts.Keys.Select(language => new MessageVariant
        {
            Language = language,
            Slots = [new MessageSlot { Type = "text", Text = template.MessageIn(language) }],
        })],
    }.Normalize();
}
