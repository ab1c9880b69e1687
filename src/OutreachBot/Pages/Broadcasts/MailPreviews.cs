using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.Mail;
using OutreachBot.PublicSite;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>One language's mail as the composer shows it: its subject and the HTML a subscriber gets.</summary>
public sealed record MailPreview(string Language, string Name, string Subject, string Html);

/// <summary>
/// The composer's mail preview: the form as typed, rendered by the very renderer runs use, for Japanese and each
/// language with its own messages. A message that does not compile yet is left out (its error shows beside it).
/// Nothing when e-mail is not offered.
/// </summary>
public sealed class MailPreviews(BroadcastMailRenderer renderer, MailChannel channel, PublicBaseUrl baseUrl, IOptions<BotOptions> bot)
{
    public const int MaxSubjectLength = 200;
    private const string PreviewAddress = "preview@example.invalid";

    /// <summary>Whether the composer offers mail at all (its subject fields and preview).</summary>
    public bool Offered => channel.Available;

    public IReadOnlyList<MailPreview> Of(BroadcastForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Offered || !LinksKnown())
        {
            return [];
        }

        var variants = form.Variants.Where(v => v.Language == Languages.Japanese || v.Slots.Any(s => !s.IsEmpty)).ToList();
        var messages = new JsonObject();
        foreach (var variant in variants)
        {
            messages[variant.Language] = new JsonArray([.. variant.Slots.Where(s => !s.IsEmpty).Select(Compiled).OfType<JsonNode>()]);
        }

        var content = new BroadcastMailContent(0, 0, string.IsNullOrWhiteSpace(form.Title) ? "—" : form.Title.Trim(), messages.ToJsonString(), form.MailSubjects());
        return [.. variants.Select(v =>
        {
            var mail = renderer.Render(content, new MailRecipient(0, PreviewAddress, v.Language, 0));
            return new MailPreview(v.Language, Languages.Supported.First(l => l.Code == v.Language).Name, mail.Subject ?? "", mail.HtmlBody ?? "");
        })];
    }

    /// <summary>Whether mails' links have a base: <c>Site:PublicBaseUrl</c>, or an address this process listens on (a host with none, as in-process tests are, has no preview).</summary>
    private bool LinksKnown()
    {
        try
        {
            return baseUrl.Value.IsAbsoluteUri;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private JsonNode? Compiled(MessageSlot slot)
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var one = new Dictionary<string, JsonElement> { [Languages.Japanese] = JsonSerializer.SerializeToElement(new JsonArray(slot.ToJson())) };
        return MessageCompiler.Compile(one, bot.Value.Zone, errors) is { } stored ? JsonNode.Parse(stored)![Languages.Japanese]![0]!.DeepClone() : null;
    }
}
