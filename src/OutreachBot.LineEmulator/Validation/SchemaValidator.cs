using System.Globalization;
using System.Text.Json;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>
/// Checks a JSON value against a schema of messaging-api.yml. Unlike generic JSON Schema validators it follows the
/// <c>discriminator</c>: an object whose <c>type</c> maps to a subtype is checked against that subtype too, so a
/// text message's <c>text</c> and a button's <c>action</c> are checked, not only the common <c>type</c>.
/// </summary>
internal sealed class SchemaValidator(IReadOnlyDictionary<string, OpenApiSchema> schemas)
{
    public bool HasSchema(string name) => schemas.ContainsKey(name);

    public void Validate(JsonElement value, string schemaName, string path, List<LineValidationError> errors) =>
        Validate(value, schemas[schemaName], path, errors, dispatched: false);

    // dispatched: the discriminator of this object has been followed already (we are in a subtype's allOf).
    private void Validate(JsonElement value, OpenApiSchema schema, string path, List<LineValidationError> errors, bool dispatched)
    {
        if (schema.Ref is { } reference)
        {
            Validate(value, schemas[reference], path, errors, dispatched);
            return;
        }

        if (!dispatched && schema.DiscriminatorProperty is { } property && value.ValueKind == JsonValueKind.Object)
        {
            Dispatch(value, schema, property, path, errors);
            return;
        }

        foreach (var part in schema.AllOf)
        {
            CheckSubtypeMatches(value, schema, part, path, errors);
            Validate(value, part, path, errors, dispatched: true);
        }

        if (!CheckType(value, schema, path, errors))
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(value, schema, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(value, schema, path, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(value, schema, path, errors);
                break;
        }
    }

    private void Dispatch(JsonElement value, OpenApiSchema schema, string property, string path, List<LineValidationError> errors)
    {
        var at = Join(path, property);
        if (!value.TryGetProperty(property, out var discriminator))
        {
            errors.Add(new(at, "must be specified"));
            return;
        }

        if (discriminator.ValueKind != JsonValueKind.String
            || !schema.DiscriminatorMapping.TryGetValue(discriminator.GetString()!, out var subtype))
        {
            var kinds = string.Join(", ", schema.DiscriminatorMapping.Keys);
            errors.Add(new(at, $"Unknown {Describe(schema)} type {discriminator.GetRawText()}: must be one of [{kinds}]"));
            return;
        }

        Validate(value, schemas[subtype], path, errors, dispatched: false);
    }

    // A subtype used directly (a carousel's bubbles, a bubble's body box) must still carry its own type value.
    private void CheckSubtypeMatches(JsonElement value, OpenApiSchema schema, OpenApiSchema part, string path, List<LineValidationError> errors)
    {
        if (schema.Name is null || part.Ref is null || value.ValueKind != JsonValueKind.Object
            || schemas[part.Ref] is not { DiscriminatorProperty: { } property } parent)
        {
            return;
        }

        var expected = parent.DiscriminatorMapping.FirstOrDefault(pair => pair.Value == schema.Name).Key;
        if (expected is null)
        {
            return;
        }

        if (!value.TryGetProperty(property, out var actual))
        {
            errors.Add(new(Join(path, property), "must be specified"));
        }
        else if (actual.ValueKind != JsonValueKind.String || actual.GetString() != expected)
        {
            errors.Add(new(Join(path, property), $"must be \"{expected}\" here"));
        }
    }

    private static bool CheckType(JsonElement value, OpenApiSchema schema, string path, List<LineValidationError> errors)
    {
        var type = schema.Type ?? (schema.Properties.Count > 0 || schema.Required.Count > 0 ? "object" : null);
        var matches = type switch
        {
            null => true,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => true,
        };
        if (!matches)
        {
            errors.Add(new(path, $"must be {(type is "integer" or "array" or "object" ? "an" : "a")} {type}"));
        }

        return matches;
    }

    private static void CheckString(string text, OpenApiSchema schema, string path, List<LineValidationError> errors)
    {
        if (schema.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(new(path, $"must be one of [{string.Join(", ", allowed)}]"));
        }

        if (text.Length > (schema.MaxLength ?? int.MaxValue) || text.Length < (schema.MinLength ?? 0))
        {
            errors.Add(new(path, $"Length must be between {schema.MinLength ?? 0} and {schema.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            errors.Add(new(path, $"must match \"{pattern}\""));
        }

        if (schema.Format == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            errors.Add(new(path, "must be an absolute URI"));
        }
    }

    private static void CheckNumber(JsonElement value, OpenApiSchema schema, string path, List<LineValidationError> errors)
    {
        var number = value.GetDecimal();
        if (number < (schema.Minimum ?? decimal.MinValue) || number > (schema.Maximum ?? decimal.MaxValue))
        {
            errors.Add(new(path, $"must be between {schema.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {schema.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }
    }

    private void CheckArray(JsonElement value, OpenApiSchema schema, string path, List<LineValidationError> errors)
    {
        var count = value.GetArrayLength();
        if (count > (schema.MaxItems ?? int.MaxValue) || count < (schema.MinItems ?? 0))
        {
            errors.Add(new(path, $"Size must be between {schema.MinItems ?? 0} and {schema.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }

        if (schema.Items is { } items)
        {
            var index = 0;
            var onlyType = IsTypeOnly(items);
            foreach (var item in value.EnumerateArray())
            {
                // 500 multicast recipients would otherwise each cost a path string that is only read on an error.
                if (onlyType && CheckTypeQuietly(item, items))
                {
                    index++;
                    continue;
                }

                Validate(item, items, $"{path}[{index++}]", errors, dispatched: false);
            }
        }
    }

    /// <summary>A schema that asks nothing of a value but its JSON type (multicast's <c>to</c> items, say).</summary>
    private static bool IsTypeOnly(OpenApiSchema schema) =>
        schema is { Ref: null, DiscriminatorProperty: null, Enum: null, Pattern: null, Format: null, MinLength: null, MaxLength: null, Minimum: null, Maximum: null, MinItems: null, MaxItems: null, Items: null, AdditionalProperties: null }
        && schema.AllOf.Count == 0 && schema.Properties.Count == 0 && schema.Required.Count == 0
        && schema.Type is "string" or "boolean" or "number";

    private static bool CheckTypeQuietly(JsonElement value, OpenApiSchema schema) => schema.Type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => value.ValueKind == JsonValueKind.Number,
    };

    private void CheckObject(JsonElement value, OpenApiSchema schema, string path, List<LineValidationError> errors)
    {
        foreach (var name in schema.Required)
        {
            if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new(Join(path, name), "must be specified"));
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (schema.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, Join(path, property.Name), errors, dispatched: false);
            }
            else if (schema.AdditionalProperties is { } extra)
            {
                Validate(property.Value, extra, Join(path, property.Name), errors, dispatched: false);
            }
        }
    }

    private static string Describe(OpenApiSchema schema) => schema.Name switch
    {
        "Message" => "message",
        "Action" => "action",
        null => "object",
        var name => name,
    };

    internal static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";
}
