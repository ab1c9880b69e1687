using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>
/// Checks a webhook body against LINE's own webhook.yml (the copy in Fixtures/line-openapi):
/// required fields present, no field the schema does not declare, types, enums and patterns, following
/// <c>allOf</c>, <c>$ref</c> and the <c>type</c> discriminators that generic validators skip.
/// </summary>
public sealed class WebhookSchema
{
    private static readonly Lazy<WebhookSchema> Shared = new(Load);
    private readonly Dictionary<object, object> _schemas;

    private WebhookSchema(Dictionary<object, object> schemas) => _schemas = schemas;

    public static WebhookSchema Instance => Shared.Value;

    public IReadOnlyList<string> Check(JsonElement value, string schemaName = "CallbackRequest")
    {
        var problems = new List<string>();
        CheckObject(value, schemaName, "$", problems);
        return problems;
    }

    private static WebhookSchema Load()
    {
        var file = FindSpec();
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(file));
        var components = (Dictionary<object, object>)root["components"];
        return new WebhookSchema((Dictionary<object, object>)components["schemas"]);
    }

    /// <summary>The byte-exact copy of LINE's webhook.yml kept with the test fixtures (see Fixtures/README.md).</summary>
    private static string FindSpec() => Path.Combine(AppContext.BaseDirectory, "Fixtures", "line-openapi", "webhook.yml");

    private void CheckObject(JsonElement value, string schemaName, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({schemaName}), got {value.ValueKind}");
            return;
        }

        var parts = Flatten(schemaName).ToList();
        foreach (var part in parts)
        {
            if (part.TryGetValue("discriminator", out var d) && d is Dictionary<object, object> discriminator)
            {
                var property = (string)discriminator["propertyName"];
                var mapping = (Dictionary<object, object>)discriminator["mapping"];
                var key = value.TryGetProperty(property, out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : null;
                if (key is null || !mapping.TryGetValue(key, out var target))
                {
                    problems.Add($"{path}.{property}: '{key}' is not one of {schemaName}'s types");
                    return;
                }

                var subtype = RefName((string)target);
                if (subtype != schemaName && !parts.Contains(Schema(subtype)))
                {
                    CheckObject(value, subtype, path, problems);
                    return;
                }
            }
        }

        var properties = new Dictionary<string, Dictionary<object, object>>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var required in part.TryGetValue("required", out var r) ? (List<object>)r : [])
            {
                if (!value.TryGetProperty((string)required, out _))
                {
                    problems.Add($"{path}: {schemaName} requires '{required}'");
                }
            }

            foreach (var (name, schema) in part.TryGetValue("properties", out var p) ? (Dictionary<object, object>)p : new Dictionary<object, object>())
            {
                properties[(string)name] = (Dictionary<object, object>)schema;
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetValue(property.Name, out var schema))
            {
                CheckValue(property.Value, schema, $"{path}.{property.Name}", problems);
            }
            else
            {
                problems.Add($"{path}: '{property.Name}' is not declared by {schemaName}");
            }
        }
    }

    private void CheckValue(JsonElement value, Dictionary<object, object> schema, string path, List<string> problems)
    {
        if (schema.TryGetValue("$ref", out var reference))
        {
            var name = RefName((string)reference);
            var target = Schema(name);
            if (target.ContainsKey("properties") || target.ContainsKey("allOf") || target.ContainsKey("discriminator"))
            {
                CheckObject(value, name, path, problems);
            }
            else
            {
                CheckValue(value, target, path, problems);
            }

            return;
        }

        var type = schema.TryGetValue("type", out var t) ? (string)t : null;
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (type == "string")
        {
            var text = value.GetString()!;
            if (schema.TryGetValue("enum", out var values) && !((List<object>)values).Contains(text))
            {
                problems.Add($"{path}: '{text}' is not in the enum");
            }

            if (schema.TryGetValue("pattern", out var pattern) && !Regex.IsMatch(text, (string)pattern))
            {
                problems.Add($"{path}: '{text}' does not match {pattern}");
            }

            if (schema.TryGetValue("maxLength", out var max) && text.Length > int.Parse((string)max, CultureInfo.InvariantCulture))
            {
                problems.Add($"{path}: longer than {max}");
            }
        }
        else if (type == "array" && schema.TryGetValue("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(item, (Dictionary<object, object>)items, $"{path}[{index++}]", problems);
            }
        }
        else if (type == "object" && schema.TryGetValue("additionalProperties", out var additional) && additional is Dictionary<object, object> each)
        {
            foreach (var property in value.EnumerateObject())
            {
                CheckValue(property.Value, each, $"{path}.{property.Name}", problems);
            }
        }
    }

    /// <summary>The schema and every schema it includes through <c>allOf</c>.</summary>
    private IEnumerable<Dictionary<object, object>> Flatten(string name)
    {
        var stack = new Stack<Dictionary<object, object>>([Schema(name)]);
        while (stack.Count > 0)
        {
            var schema = stack.Pop();
            if (schema.TryGetValue("$ref", out var reference))
            {
                stack.Push(Schema(RefName((string)reference)));
                continue;
            }

            yield return schema;
            foreach (var part in schema.TryGetValue("allOf", out var all) ? (List<object>)all : [])
            {
                stack.Push((Dictionary<object, object>)part);
            }
        }
    }

    private Dictionary<object, object> Schema(string name) => (Dictionary<object, object>)_schemas[name];

    private static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];
}
