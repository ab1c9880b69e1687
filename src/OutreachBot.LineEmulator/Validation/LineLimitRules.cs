using System.Text;
using System.Text.Json;
using OutreachBot.Line.Messaging;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>
/// The limits LINE documents but messaging-api.yml does not encode (see shared/line-openapi/NOTES.md): text and
/// altText lengths, bubble counts and sizes, template shapes, action label and URI lengths, rich menu shape.
/// Runs after the schema check, on bodies whose shape is already known to be right where it matters.
/// </summary>
internal static class LineLimitRules
{
    public static void CheckMessages(JsonElement body, string path, List<LineValidationError> errors)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var message in body.EnumerateArray())
        {
            CheckMessage(message, $"{path}[{index++}]", errors);
        }
    }

    public static void CheckMessage(JsonElement message, string path, List<LineValidationError> errors)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (Get(message, "quickReply") is { } quickReply && Get(quickReply, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                CheckAction(Get(item, "action"), Join(path, $"quickReply.items[{index++}].action"), LineLimits.ActionLabel, errors);
            }
        }

        switch (String(message, "type"))
        {
            case "text" or "textV2":
                MaxLength(message, "text", LineLimits.TextLength, path, errors);
                break;
            case "imagemap":
                MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
                MaxItems(message, "actions", 1, LineLimits.ImagemapActions, path, errors);
                break;
            case "template":
                MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
                if (Get(message, "template") is { } template)
                {
                    TemplateRules.Check(template, Join(path, "template"), errors);
                }

                break;
            case "flex":
                MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
                if (Get(message, "contents") is { } contents)
                {
                    CheckFlexContainer(contents, Join(path, "contents"), errors);
                }

                break;
        }
    }

    private static void CheckFlexContainer(JsonElement container, string path, List<LineValidationError> errors)
    {
        if (String(container, "type") == "carousel")
        {
            MaxItems(container, "contents", 1, LineLimits.CarouselBubbles, path, errors);
            MaxBytes(container, LineLimits.CarouselJsonBytes, path, "carousel", errors);
            if (Get(container, "contents") is { ValueKind: JsonValueKind.Array } bubbles)
            {
                var index = 0;
                foreach (var bubble in bubbles.EnumerateArray())
                {
                    MaxBytes(bubble, LineLimits.BubbleJsonBytes, $"{path}.contents[{index++}]", "bubble", errors);
                }
            }
        }
        else
        {
            MaxBytes(container, LineLimits.BubbleJsonBytes, path, "bubble", errors);
        }

        CheckFlexActions(container, path, errors);
    }

    // Every action inside a Flex container, wherever it sits (bubble, box, button, image, text).
    private static void CheckFlexActions(JsonElement node, string path, List<LineValidationError> errors)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                CheckFlexActions(item, $"{path}[{index++}]", errors);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "action")
                {
                    CheckAction(property.Value, Join(path, "action"), LineLimits.FlexButtonLabel, errors);
                }
                else
                {
                    CheckFlexActions(property.Value, Join(path, property.Name), errors);
                }
            }
        }
    }

    public static void CheckAction(JsonElement? action, string path, int labelMax, List<LineValidationError> errors)
    {
        if (action is not { ValueKind: JsonValueKind.Object } value)
        {
            return;
        }

        MaxLength(value, "label", labelMax, path, errors);
        switch (String(value, "type"))
        {
            case "uri":
                MaxLength(value, "uri", LineLimits.UriLength, path, errors);
                break;
            case "message":
                MaxLength(value, "text", LineLimits.MessageActionText, path, errors);
                break;
            case "postback":
                MaxLength(value, "displayText", LineLimits.PostbackDisplayText, path, errors);
                MaxLength(value, "text", LineLimits.MessageActionText, path, errors);
                break;
        }
    }

    public static void CheckRichMenu(JsonElement menu, List<LineValidationError> errors)
    {
        foreach (var name in new[] { "size", "selected", "name", "chatBarText", "areas" })
        {
            if (Get(menu, name) is null)
            {
                errors.Add(new(name, "must be specified"));
            }
        }

        MaxItems(menu, "areas", 1, LineLimits.RichMenuAreas, "", errors);
        if (Get(menu, "size") is { } size && Get(size, "width") is { ValueKind: JsonValueKind.Number } w
            && Get(size, "height") is { ValueKind: JsonValueKind.Number } h)
        {
            if (!RichMenuImage.IsAllowedSize(w.GetDouble(), h.GetDouble()))
            {
                errors.Add(new("size", RichMenuImage.SizeRule));
            }
        }

        if (Get(menu, "areas") is { ValueKind: JsonValueKind.Array } areas)
        {
            var index = 0;
            foreach (var area in areas.EnumerateArray())
            {
                CheckAction(Get(area, "action"), $"areas[{index++}].action", LineLimits.ActionLabel, errors);
            }
        }
    }

    internal static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    internal static string? String(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    internal static void MaxLength(JsonElement element, string name, int max, string path, List<LineValidationError> errors)
    {
        // LINE counts UTF-16 code units, as string.Length does.
        if (String(element, name) is { } text && text.Length > max)
        {
            errors.Add(new(Join(path, name), $"Length must be between 0 and {max}"));
        }
    }

    internal static void MaxItems(JsonElement element, string name, int min, int max, string path, List<LineValidationError> errors)
    {
        if (Get(element, name) is { ValueKind: JsonValueKind.Array } array && (array.GetArrayLength() > max || array.GetArrayLength() < min))
        {
            errors.Add(new(Join(path, name), $"Size must be between {min} and {max}"));
        }
    }

    private static void MaxBytes(JsonElement element, int max, string path, string what, List<LineValidationError> errors)
    {
        var bytes = Encoding.UTF8.GetByteCount(element.GetRawText());
        if (bytes > max)
        {
            errors.Add(new(path, $"A {what} must be at most {max / 1024} KB of JSON (this one is {bytes} bytes)"));
        }
    }

    internal static string Join(string path, string property) => SchemaValidator.Join(path, property);
}
