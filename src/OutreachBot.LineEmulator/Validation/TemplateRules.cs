using System.Text.Json;
using OutreachBot.Line.Messaging;
using static OutreachBot.LineEmulator.Validation.LineLimitRules;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>Template message limits from LINE's reference: buttons, confirm, carousel, image carousel.</summary>
internal static class TemplateRules
{
    public static void Check(JsonElement template, string path, List<LineValidationError> errors)
    {
        switch (String(template, "type"))
        {
            case "buttons":
                MaxLength(template, "title", LineLimits.TemplateTitle, path, errors);
                MaxLength(template, "text", HasTitleOrImage(template) ? LineLimits.ButtonsTemplateTextWithTitleOrImage : LineLimits.ButtonsTemplateText, path, errors);
                MaxItems(template, "actions", 1, LineLimits.ButtonsTemplateActions, path, errors);
                CheckActions(template, path, LineLimits.ActionLabel, errors);
                break;
            case "confirm":
                MaxLength(template, "text", LineLimits.ConfirmTemplateText, path, errors);
                MaxItems(template, "actions", LineLimits.ConfirmTemplateActions, LineLimits.ConfirmTemplateActions, path, errors);
                CheckActions(template, path, LineLimits.ActionLabel, errors);
                break;
            case "carousel":
                MaxItems(template, "columns", 1, LineLimits.CarouselTemplateColumns, path, errors);
                CheckColumns(template, path, errors);
                break;
            case "image_carousel":
                MaxItems(template, "columns", 1, LineLimits.CarouselTemplateColumns, path, errors);
                ForEach(template, "columns", path, (column, at) =>
                    CheckAction(Get(column, "action"), Join(at, "action"), LineLimits.ImageCarouselLabel, errors));
                break;
        }
    }

    private static void CheckColumns(JsonElement template, string path, List<LineValidationError> errors)
    {
        int? actionCount = null;
        ForEach(template, "columns", path, (column, at) =>
        {
            MaxLength(column, "title", LineLimits.TemplateTitle, at, errors);
            MaxLength(column, "text", HasTitleOrImage(column) ? LineLimits.CarouselColumnTextWithTitleOrImage : LineLimits.CarouselColumnText, at, errors);
            MaxItems(column, "actions", 1, LineLimits.CarouselColumnActions, at, errors);
            CheckActions(column, at, LineLimits.ActionLabel, errors);
            var count = Get(column, "actions") is { ValueKind: JsonValueKind.Array } actions ? actions.GetArrayLength() : 0;
            if (actionCount is { } first && first != count)
            {
                errors.Add(new(Join(at, "actions"), "Every column must have the same number of actions"));
            }

            actionCount ??= count;
        });
    }

    private static void CheckActions(JsonElement owner, string path, int labelMax, List<LineValidationError> errors)
    {
        ForEach(owner, "actions", path, (action, at) => CheckAction(action, at, labelMax, errors));
        CheckAction(Get(owner, "defaultAction"), Join(path, "defaultAction"), labelMax, errors);
    }

    private static bool HasTitleOrImage(JsonElement element) =>
        Get(element, "title") is not null || Get(element, "thumbnailImageUrl") is not null;

    private static void ForEach(JsonElement owner, string name, string path, Action<JsonElement, string> check)
    {
        if (Get(owner, name) is not { ValueKind: JsonValueKind.Array } items)
        {
            return;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            check(item, $"{Join(path, name)}[{index++}]");
        }
    }
}
