namespace OutreachBot.Tests.Infrastructure;

/// <summary>What tests that start real servers need from this machine: free ports and the repository's root.</summary>
public static class LocalMachine
{
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OutreachBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
