using System.Text.Json;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

/// <summary>The byte-exact fixtures copied to the output folder; names are relative to <c>Fixtures/line-fixtures</c>.</summary>
internal static class FixtureFiles
{
    /// <summary>The SDKs' signature test body: a webhook without <c>destination</c>, so not a body LINE would send.</summary>
    public const string BodyWithoutDestination = "php/signature-validator-body.json";

    private static readonly string[] NotBodies = ["signature-vectors.json", "computed-signatures.json"];

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string LineFixtures { get; } = Path.Combine(Root, "line-fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(LineFixtures, name));

    public static JsonDocument Document(string name) => JsonDocument.Parse(Bytes(name));

    /// <summary>Every webhook body among the fixtures, the one without destination included.</summary>
    public static IReadOnlyList<string> Bodies() =>
        Directory.EnumerateFiles(LineFixtures, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(LineFixtures, path).Replace('\\', '/'))
            .Where(name => !NotBodies.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<string> BodiesWithDestination() => Bodies().Where(name => name != BodyWithoutDestination);

    public static string EventJson(string name, int index)
    {
        using var document = Document(name);
        return document.RootElement.GetProperty("events")[index].GetRawText();
    }

    public static WebhookEvent Event(string name, int index = 0) => WebhookEventParser.Parse(EventJson(name, index));

    public static T Event<T>(string name, int index = 0)
        where T : WebhookEvent => Assert.IsType<T>(Event(name, index));

    public static T Message<T>(string name, int index = 0)
        where T : MessageContent => Assert.IsType<T>(Event<MessageEvent>(name, index).Message);

    public static TheoryData<string> BodyNames() => new(Bodies());

    public static TheoryData<string> BodyNamesWithDestination() => new(BodiesWithDestination());

    /// <summary>Every event of every fixture body, as (file, index in its events array).</summary>
    public static TheoryData<string, int> EventPositions()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Bodies())
        {
            using var document = Document(name);
            var count = document.RootElement.GetProperty("events").GetArrayLength();
            for (var index = 0; index < count; index++)
            {
                data.Add(name, index);
            }
        }

        return data;
    }
}
