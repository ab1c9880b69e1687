using OutreachBot.Bench.Disaster;
using OutreachBot.Bench.Fanout;
using OutreachBot.Bench.Harness;
using OutreachBot.Bench.Mail;
using OutreachBot.Bench.Soak;
using OutreachBot.Bench.Webhook;

// dotnet run -c Release --project bench/OutreachBot.Bench -- webhook [--seconds 20] [--rounds 4] [--connections 64]
// dotnet run -c Release --project bench/OutreachBot.Bench -- fanout [--subscribers 1000000] [--modes limited,unlimited,kill]
// dotnet run -c Release --project bench/OutreachBot.Bench -- fanout --provider postgres [--instances 2] [--postgres <connection string>]
// dotnet run -c Release --project bench/OutreachBot.Bench -- disaster [--followers 1000000]
// dotnet run -c Release --project bench/OutreachBot.Bench -- soak [--minutes 30] [--rate 50]
// dotnet run -c Release --project bench/OutreachBot.Bench -- mail [--subscribers 100000] [--per-second 200] [--connections 32] [--modes unlimited,limited,kill]
var arguments = new BenchArguments(args);
switch (args.FirstOrDefault())
{
    case "fanout" when string.Equals(arguments.Text("provider"), "postgres", StringComparison.OrdinalIgnoreCase):
        await ClusterFanoutBenchmark.RunAsync(arguments);
        return 0;
    case "fanout":
        await FanoutBenchmark.RunAsync(arguments);
        return 0;
    case "disaster":
        await DisasterBenchmark.RunAsync(arguments);
        return 0;
    case "mail":
        await MailBenchmark.RunAsync(arguments);
        return 0;
    case "webhook":
        await WebhookBenchmark.RunAsync(arguments);
        return 0;
    case "soak":
        await SoakBenchmark.RunAsync(arguments);
        return 0;
    default:
        Console.Error.WriteLine("usage: OutreachBot.Bench webhook [--seconds 20 (each server, in alternating rounds)] [--rounds 4] [--warmup 10 (the least; goes on until the JIT is quiet)] [--connections 64] [--users 1000] [--inbox-concurrency 8] [--drain-limit 300] | fanout [--subscribers 1000000] [--modes limited,unlimited,kill] [--provider postgres [--instances 2] [--postgres <connection string>]] | disaster [--followers 1000000] | mail [--subscribers 100000] [--per-second 200] [--connections 32] [--modes unlimited,limited,kill] | soak [--minutes 30] [--rate 50 (webhooks a second)]");
        return 2;
}
