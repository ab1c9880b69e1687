using OutreachBot.Bench.Harness;
using OutreachBot.Bench.Webhook;

// dotnet run -c Release --project bench/OutreachBot.Bench -- webhook [--seconds 10] [--connections 64]
var arguments = new BenchArguments(args);
switch (args.FirstOrDefault())
{
    case "webhook":
        await WebhookBenchmark.RunAsync(arguments);
        return 0;
    default:
        Console.Error.WriteLine("usage: OutreachBot.Bench webhook [--seconds 10] [--warmup 3] [--connections 64] [--users 1000]");
        return 2;
}
