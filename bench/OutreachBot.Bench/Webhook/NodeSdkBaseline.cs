using OutreachBot.Bench.Harness;

namespace OutreachBot.Bench.Webhook;

/// <summary>The official Node.js SDK's webhook middleware (express 5), installed from the npm registry on first use.</summary>
public static class NodeSdkBaseline
{
    public static async Task<ChildProcess> StartAsync(string channelSecret, int port)
    {
        var folder = Path.Combine(Paths.RepositoryRoot, "bench", "OutreachBot.Bench", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@line", "bot-sdk")))
        {
            Console.Error.WriteLine("Installing @line/bot-sdk and express with npm...");
            await Commands.RunAsync("npm", folder, "install", "--no-package-lock", "--no-audit", "--no-fund");
        }

        var server = ChildProcess.Start("node", ["server.js"], folder, new Dictionary<string, string>
        {
            ["CHANNEL_SECRET"] = channelSecret,
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NODE_ENV"] = "production",
        });
        await server.WaitUntilServingAsync(new Uri($"http://127.0.0.1:{port}/healthz"), TimeSpan.FromSeconds(30));
        return server;
    }
}
