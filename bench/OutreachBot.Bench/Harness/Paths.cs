namespace OutreachBot.Bench.Harness;

public static class Paths
{
    /// <summary>The repository root: the folder with OutreachBot.sln above the running benchmark.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutreachBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the OutreachBot repository.");
    }
}
