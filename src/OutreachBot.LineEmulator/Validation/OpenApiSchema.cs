using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>
/// The part of an OpenAPI 3.0 schema object the validator understands: $ref, allOf, discriminator, required, type,
/// format, enum, items, properties, additionalProperties and the numeric and length bounds. Everything else is ignored.
/// </summary>
internal sealed class OpenApiSchema
{
    public string? Name { get; init; }

    public string? Ref { get; init; }

    public string? Type { get; init; }

    public string? Format { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public Dictionary<string, OpenApiSchema> Properties { get; init; } = new(StringComparer.Ordinal);

    public OpenApiSchema? Items { get; init; }

    public OpenApiSchema? AdditionalProperties { get; init; }

    public IReadOnlyList<OpenApiSchema> AllOf { get; init; } = [];

    public string? DiscriminatorProperty { get; init; }

    /// <summary>Discriminator value to schema name.</summary>
    public IReadOnlyDictionary<string, string> DiscriminatorMapping { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string>? Enum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    /// <summary>Reads <c>components.schemas</c> of an OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, OpenApiSchema> ReadComponents(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
        return schemas.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => Read((YamlMappingNode)pair.Value, ((YamlScalarNode)pair.Key).Value),
            StringComparer.Ordinal);
    }

    private static OpenApiSchema Read(YamlMappingNode node, string? name = null)
    {
        var discriminator = Child<YamlMappingNode>(node, "discriminator");
        var pattern = Scalar(node, "pattern");
        return new OpenApiSchema
        {
            Name = name,
            Ref = ToSchemaName(Scalar(node, "$ref")),
            Type = Scalar(node, "type"),
            Format = Scalar(node, "format"),
            Required = Child<YamlSequenceNode>(node, "required")?.Children.Select(ScalarValue).ToList() ?? [],
            Properties = Child<YamlMappingNode>(node, "properties")?.Children.ToDictionary(
                pair => ScalarValue(pair.Key), pair => Read((YamlMappingNode)pair.Value), StringComparer.Ordinal)
                ?? new Dictionary<string, OpenApiSchema>(StringComparer.Ordinal),
            Items = Child<YamlMappingNode>(node, "items") is { } items ? Read(items) : null,
            AdditionalProperties = Child<YamlMappingNode>(node, "additionalProperties") is { } extra ? Read(extra) : null,
            AllOf = Child<YamlSequenceNode>(node, "allOf")?.Children.Select(part => Read((YamlMappingNode)part)).ToList() ?? [],
            DiscriminatorProperty = discriminator is null ? null : Scalar(discriminator, "propertyName"),
            DiscriminatorMapping = (discriminator is null ? null : Child<YamlMappingNode>(discriminator, "mapping"))?.Children.ToDictionary(
                pair => ScalarValue(pair.Key), pair => ToSchemaName(ScalarValue(pair.Value))!, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(),
            Enum = Child<YamlSequenceNode>(node, "enum")?.Children.Select(ScalarValue).ToList(),
            MinItems = Int(node, "minItems"),
            MaxItems = Int(node, "maxItems"),
            MinLength = Int(node, "minLength"),
            MaxLength = Int(node, "maxLength"),
            Pattern = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            Minimum = Decimal(node, "minimum"),
            Maximum = Decimal(node, "maximum"),
        };
    }

    private static string? ToSchemaName(string? reference) =>
        reference is null ? null : reference[(reference.LastIndexOf('/') + 1)..];

    private static T? Child<T>(YamlMappingNode node, string key)
        where T : YamlNode =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as T : null;

    private static string? Scalar(YamlMappingNode node, string key) => Child<YamlScalarNode>(node, key)?.Value;

    private static string ScalarValue(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static int? Int(YamlMappingNode node, string key) =>
        Scalar(node, key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static decimal? Decimal(YamlMappingNode node, string key) =>
        Scalar(node, key) is { } text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
