using System.Runtime.InteropServices;
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

        var at = new ValidationPath(path);
        var index = 0;
        foreach (var message in body.EnumerateArray())
        {
            at.Push(index++);
            CheckMessage(message, at, errors);
            at.Pop();
        }
    }

    public static void CheckMessage(JsonElement message, string path, List<LineValidationError> errors) =>
        CheckMessage(message, new ValidationPath(path), errors);

    private static void CheckMessage(JsonElement message, ValidationPath path, List<LineValidationError> errors)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (Get(message, "quickReply") is { } quickReply && Get(quickReply, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            path.Push("quickReply");
            path.Push("items");
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                path.Push(index++);
                path.Push("action");
                CheckAction(Get(item, "action"), path, LineLimits.ActionLabel, errors);
                path.Pop();
                path.Pop();
            }

            path.Pop();
            path.Pop();
        }

        if (Get(message, "type") is not { ValueKind: JsonValueKind.String } type)
        {
            return;
        }

        if (type.ValueEquals("text") || type.ValueEquals("textV2"))
        {
            MaxLength(message, "text", LineLimits.TextLength, path, errors);
        }
        else if (type.ValueEquals("imagemap"))
        {
            MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
            MaxItems(message, "actions", 1, LineLimits.ImagemapActions, path.ToString(), errors);
        }
        else if (type.ValueEquals("template"))
        {
            MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
            if (Get(message, "template") is { } template)
            {
                TemplateRules.Check(template, path.With("template"), errors);
            }
        }
        else if (type.ValueEquals("flex"))
        {
            MaxLength(message, "altText", LineLimits.AltTextLength, path, errors);
            if (Get(message, "contents") is { } contents)
            {
                CheckFlexContainer(contents, path.With("contents"), errors);
            }
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

        CheckFlexActions(container, new ValidationPath(path), errors);
    }

    // Every action inside a Flex container, wherever it sits (bubble, box, button, image, text).
    private static void CheckFlexActions(JsonElement node, ValidationPath path, List<LineValidationError> errors)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in node.EnumerateArray())
            {
                path.Push(index++);
                CheckFlexActions(item, path, errors);
                path.Pop();
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                // Only containers can hold an action; a name is read as a string only where it has to go on the path.
                var isAction = property.NameEquals("action");
                if (!isAction && property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                {
                    continue;
                }

                path.Push(isAction ? "action" : property.Name);
                if (isAction)
                {
                    CheckAction(property.Value, path, LineLimits.FlexButtonLabel, errors);
                }
                else
                {
                    CheckFlexActions(property.Value, path, errors);
                }

                path.Pop();
            }
        }
    }

    public static void CheckAction(JsonElement? action, string path, int labelMax, List<LineValidationError> errors) =>
        CheckAction(action, new ValidationPath(path), labelMax, errors);

    private static void CheckAction(JsonElement? action, ValidationPath path, int labelMax, List<LineValidationError> errors)
    {
        if (action is not { ValueKind: JsonValueKind.Object } value)
        {
            return;
        }

        MaxLength(value, "label", labelMax, path, errors);
        if (Get(value, "type") is not { ValueKind: JsonValueKind.String } type)
        {
            return;
        }

        if (type.ValueEquals("uri"))
        {
            MaxLength(value, "uri", LineLimits.UriLength, path, errors);
        }
        else if (type.ValueEquals("message"))
        {
            MaxLength(value, "text", LineLimits.MessageActionText, path, errors);
        }
        else if (type.ValueEquals("postback"))
        {
            MaxLength(value, "displayText", LineLimits.PostbackDisplayText, path, errors);
            MaxLength(value, "text", LineLimits.MessageActionText, path, errors);
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
        if (IsLongerThan(element, name, max))
        {
            errors.Add(new(Join(path, name), $"Length must be between 0 and {max}"));
        }
    }

    private static void MaxLength(JsonElement element, string name, int max, ValidationPath path, List<LineValidationError> errors)
    {
        if (IsLongerThan(element, name, max))
        {
            errors.Add(new(path.With(name), $"Length must be between 0 and {max}"));
        }
    }

    // LINE counts UTF-16 code units, as string.Length does. No character takes fewer bytes of JSON than code units, so
    // a value whose JSON (less its quotes) fits needs no decoding: most texts are checked without a copy.
    private static bool IsLongerThan(JsonElement element, string name, int max) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value
        && JsonMarshal.GetRawUtf8Value(value).Length - 2 > max
        && value.GetString()!.Length > max;

    internal static void MaxItems(JsonElement element, string name, int min, int max, string path, List<LineValidationError> errors)
    {
        if (Get(element, name) is { ValueKind: JsonValueKind.Array } array && (array.GetArrayLength() > max || array.GetArrayLength() < min))
        {
            errors.Add(new(Join(path, name), $"Size must be between {min} and {max}"));
        }
    }

    private static void MaxBytes(JsonElement element, int max, string path, string what, List<LineValidationError> errors)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(element).Length;
        if (bytes > max)
        {
            errors.Add(new(path, $"A {what} must be at most {max / 1024} KB of JSON (this one is {bytes} bytes)"));
        }
    }

    internal static string Join(string path, string property) => SchemaValidator.Join(path, property);
}
