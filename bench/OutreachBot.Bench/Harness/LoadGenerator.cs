using System.Diagnostics;
using System.Net;

namespace OutreachBot.Bench.Harness;

/// <summary>Keeps <c>connections</c> requests in flight against one URL for a fixed time; each worker has one connection.</summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(
        Uri url, int connections, TimeSpan duration, Func<HttpRequestMessage> makeRequest, TimeSpan? warmUp = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (warmUp is { } warm)
        {
            await RunWorkersAsync(client, connections, warm, makeRequest);
        }

        return await RunWorkersAsync(client, connections, duration, makeRequest);
    }

    private static async Task<LoadResult> RunWorkersAsync(HttpClient client, int connections, TimeSpan duration, Func<HttpRequestMessage> makeRequest)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(16_384);
            int ok = 0, failed = 0;
            while (clock.Elapsed < duration)
            {
                using var request = makeRequest();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ok++;
                    }
                    else
                    {
                        failed++;
                    }
                }
                catch (HttpRequestException)
                {
                    failed++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, ok, failed);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        return new LoadResult(
            elapsed,
            [.. results.SelectMany(r => r.latencies)],
            results.Sum(r => r.ok),
            results.Sum(r => r.failed));
    }
}
