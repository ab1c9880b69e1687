using System.Reflection;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.CivicEvents;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>
/// Staff messages are typed Japanese and English from the service to the screen and the wire, so nothing has a
/// "日本語 / English" string to split: the types below are the guarantee, and these tests keep them.
/// </summary>
public sealed class StaffTextTypesTests
{
    [Fact]
    public void Bilingual_OffersNothingThatReadsAString_NoTextIsSplitBackIntoLanguages()
    {
        var readers = typeof(Bilingual).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(string)))
            .Select(m => m.Name);

        Assert.Empty(readers);
    }

    [Fact]
    public void StaffOutcomesAndFieldErrors_CarryBilingualValues_NotStrings()
    {
        Assert.Equal(typeof(Bilingual?), typeof(StaffOutcome).GetProperty(nameof(StaffOutcome.Problem))!.PropertyType);
        Assert.Equal(typeof(Dictionary<string, Bilingual[]>), typeof(StaffOutcome).GetProperty(nameof(StaffOutcome.Errors))!.PropertyType);
        Assert.Equal(typeof(Dictionary<string, Bilingual[]>), typeof(TestSendResult).GetProperty(nameof(TestSendResult.Errors))!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<Bilingual>), typeof(EventBroadcastsOutcome).GetProperty(nameof(EventBroadcastsOutcome.Problems))!.PropertyType);
        Assert.Equal(typeof(Dictionary<string, Bilingual[]>), typeof(TopicValidation).GetMethod(nameof(TopicValidation.Check))!.ReturnType);
        Assert.Equal(typeof(Dictionary<string, Bilingual[]>), typeof(EventValidation).GetMethod(nameof(EventValidation.Check))!.ReturnType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, Bilingual[]>), typeof(ConsolePage).GetMethod(nameof(ConsolePage.AddErrors))!.GetParameters()[0].ParameterType);
    }

    [Fact]
    public void Sources_SplitAtTheBilingualSeparatorOnlyForRichMenuLabels()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OutreachBot.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var splitters = Directory.EnumerateFiles(Path.Combine(root, "src", "OutreachBot"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("Split(\" / \"", StringComparison.Ordinal) || text.Contains("IndexOf(\" / \"", StringComparison.Ordinal)))
            .Select(Path.GetFileName);

        Assert.Equal(["RichMenuRenderer.cs"], splitters);
    }
}
