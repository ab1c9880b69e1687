using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>
/// Checks a JSON value against a schema of messaging-api.yml. Unlike generic JSON Schema validators it follows the
/// <c>discriminator</c>: an object whose <c>type</c> maps to a subtype is checked against that subtype too, so a
/// text message's <c>text</c> and a button's <c>action</c> are checked, not only the common <c>type</c>.
/// </summary>
internal sealed class SchemaValidator(IReadOnlyDictionary<string, OpenApiSchema> schemas)
{
    // The discriminator value each subtype must carry where it is used directly, by (parent, subtype) schema name.
    private readonly Dictionary<(string Parent, string Subtype), string> _subtypeValues = schemas
        .Where(pair => pair.Value.DiscriminatorProperty is not null)
        .SelectMany(pair => pair.Value.DiscriminatorMapping
            .GroupBy(mapping => mapping.Value, StringComparer.Ordinal)
            .Select(group => (Key: (pair.Key, group.Key), Value: group.First().Key)))
        .ToDictionary(entry => entry.Key, entry => entry.Value);

    public bool HasSchema(string name) => schemas.ContainsKey(name);

    public void Validate(JsonElement value, string schemaName, string path, List<LineValidationError> errors) =>
        Validate(value, schemas[schemaName], new ValidationPath(path), errors, dispatched: false);

    // dispatched: the discriminator of this object has been followed already (we are in a subtype's allOf).
    private void Validate(JsonElement value, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors, bool dispatched)
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
            case JsonValueKind.String when HasStringRules(schema):
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

    private void Dispatch(JsonElement value, OpenApiSchema schema, string property, ValidationPath path, List<LineValidationError> errors)
    {
        if (!value.TryGetProperty(property, out var discriminator))
        {
            errors.Add(new(path.With(property), "must be specified"));
            return;
        }

        if (discriminator.ValueKind != JsonValueKind.String
            || !schema.DiscriminatorMapping.TryGetValue(discriminator.GetString()!, out var subtype))
        {
            var kinds = string.Join(", ", schema.DiscriminatorMapping.Keys);
            errors.Add(new(path.With(property), $"Unknown {Describe(schema)} type {discriminator.GetRawText()}: must be one of [{kinds}]"));
            return;
        }

        Validate(value, schemas[subtype], path, errors, dispatched: false);
    }

    // A subtype used directly (a carousel's bubbles, a bubble's body box) must still carry its own type value.
    private void CheckSubtypeMatches(JsonElement value, OpenApiSchema schema, OpenApiSchema part, ValidationPath path, List<LineValidationError> errors)
    {
        if (schema.Name is null || part.Ref is null || value.ValueKind != JsonValueKind.Object
            || schemas[part.Ref] is not { DiscriminatorProperty: { } property }
            || !_subtypeValues.TryGetValue((part.Ref, schema.Name), out var expected))
        {
            return;
        }

        if (!value.TryGetProperty(property, out var actual))
        {
            errors.Add(new(path.With(property), "must be specified"));
        }
        else if (actual.ValueKind != JsonValueKind.String || !actual.ValueEquals(expected))
        {
            errors.Add(new(path.With(property), $"must be \"{expected}\" here"));
        }
    }

    private static bool CheckType(JsonElement value, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors)
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
            errors.Add(new(path.ToString(), $"must be {(type is "integer" or "array" or "object" ? "an" : "a")} {type}"));
        }

        return matches;
    }

    private static bool HasStringRules(OpenApiSchema schema) =>
        schema.Enum is not null || schema.MaxLength is not null || schema.MinLength is not null || schema.Pattern is not null || schema.Format == "uri";

    private static void CheckString(string text, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors)
    {
        if (schema.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(new(path.ToString(), $"must be one of [{string.Join(", ", allowed)}]"));
        }

        if (text.Length > (schema.MaxLength ?? int.MaxValue) || text.Length < (schema.MinLength ?? 0))
        {
            errors.Add(new(path.ToString(), $"Length must be between {schema.MinLength ?? 0} and {schema.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            errors.Add(new(path.ToString(), $"must match \"{pattern}\""));
        }

        if (schema.Format == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            errors.Add(new(path.ToString(), "must be an absolute URI"));
        }
    }

    private static void CheckNumber(JsonElement value, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors)
    {
        var number = value.GetDecimal();
        if (number < (schema.Minimum ?? decimal.MinValue) || number > (schema.Maximum ?? decimal.MaxValue))
        {
            errors.Add(new(path.ToString(), $"must be between {schema.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {schema.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }
    }

    private void CheckArray(JsonElement value, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors)
    {
        var count = value.GetArrayLength();
        if (count > (schema.MaxItems ?? int.MaxValue) || count < (schema.MinItems ?? 0))
        {
            errors.Add(new(path.ToString(), $"Size must be between {schema.MinItems ?? 0} and {schema.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? "∞"}"));
        }

        if (schema.Items is { } items)
        {
            var index = 0;
            var onlyType = IsTypeOnly(items);
            foreach (var item in value.EnumerateArray())
            {
                if (onlyType && CheckTypeQuietly(item, items))
                {
                    index++;
                    continue;
                }

                path.Push(index++);
                Validate(item, items, path, errors, dispatched: false);
                path.Pop();
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

    private void CheckObject(JsonElement value, OpenApiSchema schema, ValidationPath path, List<LineValidationError> errors)
    {
        foreach (var name in schema.Required)
        {
            if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new(path.With(name), "must be specified"));
            }
        }

        var known = schema.Properties.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        foreach (var property in value.EnumerateObject())
        {
            // The schema's own name string, found by the property's bytes: no new string per property of every body.
            string? name = null;
            OpenApiSchema? propertySchema = null;
            var found = TryDecodeName(property, buffer, out var chars)
                ? known.TryGetValue(chars, out name, out propertySchema)
                : schema.Properties.TryGetValue(name = property.Name, out propertySchema);
            if (!found && schema.AdditionalProperties is { } extra)
            {
                (name, propertySchema) = (property.Name, extra);
            }

            if (propertySchema is not null)
            {
                path.Push(name!);
                Validate(property.Value, propertySchema, path, errors, dispatched: false);
                path.Pop();
            }
        }
    }

    // False for a name with escapes or too long for the buffer: the caller then reads it the ordinary way.
    private static bool TryDecodeName(JsonProperty property, Span<char> buffer, out ReadOnlySpan<char> name)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (!raw.Contains((byte)'\\') && Encoding.UTF8.TryGetChars(raw, buffer, out var written))
        {
            name = buffer[..written];
            return true;
        }

        name = default;
        return false;
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
