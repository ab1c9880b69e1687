namespace OutreachBot.Tests.Staff;

/// <summary>
/// Arrows point one way: the console (Console/ and Pages/) uses the features, and the features use Staff/ for who acts,
/// roles, the audit log and staff texts, never the console. A source scan is the honest check: a using line or a
/// qualified name is how C# code reaches another namespace.
/// </summary>
public sealed class FeatureImportsTests
{
    private static readonly string[] FeatureFolders = ["Broadcasts", "CivicEvents", "Subscriptions", "Consultations", "Webhook", "Conversations", "Staff", "Surveys"];

    [Fact]
    public void FeatureFolders_NameNeitherTheConsoleNorItsPages()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "OutreachBot");
        var offenders = FeatureFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => File.ReadAllText(file) is var text
                && (text.Contains("OutreachBot.StaffConsole", StringComparison.Ordinal)
                    || text.Contains("StaffConsole.", StringComparison.Ordinal)
                    || text.Contains("OutreachBot.Pages", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(source, file));

        Assert.Empty(offenders);
    }

    [Fact]
    public void FeatureFolders_AllExist_SoTheScanCannotPassByLookingNowhere()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "OutreachBot");

        Assert.All(FeatureFolders, folder => Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories)));
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OutreachBot.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        return root;
    }
}
