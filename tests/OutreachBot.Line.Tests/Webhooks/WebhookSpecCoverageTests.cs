using OutreachBot.Line.Webhooks;
using YamlDotNet.RepresentationModel;

namespace OutreachBot.Line.Tests.Webhooks;

/// <summary>Checks the models against the discriminator mappings of LINE's webhook.yml (copied into Fixtures).</summary>
public class WebhookSpecCoverageTests
{
    // Types LINE documents outside this webhook.yml snapshot (see NOTES.md and ThingsEvent).
    private static readonly Dictionary<string, string[]> DocumentedAdditions = new(StringComparer.Ordinal)
    {
        ["Event"] = ["messageEdited", "things"],
    };

    private static readonly Dictionary<string, Type> Bases = new(StringComparer.Ordinal)
    {
        ["Event"] = typeof(WebhookEvent),
        ["Source"] = typeof(Source),
        ["MessageContent"] = typeof(MessageContent),
        ["Mentionee"] = typeof(Mentionee),
        ["MembershipContent"] = typeof(MembershipContent),
        ["ModuleContent"] = typeof(ModuleContent),
    };

    private static readonly Lazy<YamlMappingNode> Schemas = new(LoadSchemas);

    public static TheoryData<string> SpecBases() => new(Bases.Keys);

    [Fact]
    public void WebhookYaml_EveryDiscriminatedSchema_IsCoveredHere()
    {
        var discriminated = Schemas.Value.Children
            .Where(schema => ((YamlMappingNode)schema.Value).Children.ContainsKey(new YamlScalarNode("discriminator")))
            .Select(schema => schema.Key.ToString());

        Assert.Equal(discriminated.Order(StringComparer.Ordinal), Bases.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SpecBases))]
    public void WebhookYaml_EveryMappedType_HasATypedRecordOfTheSchemasName(string schema)
    {
        var spec = Mapping(schema);
        var model = Derived(Bases[schema]);

        foreach (var (discriminator, schemaName) in spec)
        {
            Assert.True(model.TryGetValue(discriminator, out var record), $"{schema} type '{discriminator}' has no record.");
            Assert.Equal(schemaName, record.Name);
        }
    }

    [Theory]
    [MemberData(nameof(SpecBases))]
    public void WebhookYaml_EveryTypedRecord_IsInTheSpecOrADocumentedAddition(string schema)
    {
        var spec = Mapping(schema);
        var additions = DocumentedAdditions.GetValueOrDefault(schema, []);

        var extra = Derived(Bases[schema]).Keys.Where(discriminator => !spec.ContainsKey(discriminator));

        Assert.Equal(additions.Order(StringComparer.Ordinal), extra.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, Type> Derived(Type baseType) =>
        WebhookJsonContext.Default.GetTypeInfo(baseType)!.PolymorphismOptions!.DerivedTypes
            .ToDictionary(derived => (string)derived.TypeDiscriminator!, derived => derived.DerivedType, StringComparer.Ordinal);

    private static Dictionary<string, string> Mapping(string schema)
    {
        var mapping = (YamlMappingNode)Schemas.Value[schema]["discriminator"]["mapping"];
        return mapping.Children.ToDictionary(
            entry => entry.Key.ToString(),
            entry => entry.Value.ToString().Split('/')[^1],
            StringComparer.Ordinal);
    }

    private static YamlMappingNode LoadSchemas()
    {
        using var reader = new StreamReader(Path.Combine(FixtureFiles.Root, "line-openapi", "webhook.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode["components"]["schemas"];
    }
}
