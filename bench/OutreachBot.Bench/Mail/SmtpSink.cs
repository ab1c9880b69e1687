using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutreachBot.Bench.Mail;

/// <summary>
/// The bench's SMTP server: a TcpListener that answers every command with success and discards each mail's content,
/// keeping only its Message-ID and the second it was accepted in (for duplicates, misses and the busiest second).
/// smtp4dev stores and indexes every mail and is too slow to measure a relay that takes thousands a second.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every accepted mail: its Message-ID and the moment (on this sink's clock) its 250 was written.</summary>
    public ConcurrentQueue<(string MessageId, TimeSpan At)> Accepted { get; } = new();

    public void Clear() => Accepted.Clear();

    /// <summary>The most mails accepted in any one-second window.</summary>
    public int BusiestSecond()
    {
        var times = Accepted.Select(a => a.At).Order().ToArray();
        var busiest = 0;
        var start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            busiest = Math.Max(busiest, end - start + 1);
        }

        return busiest;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 64 * 1024);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096) { NewLine = "\r\n" };
            await Say(writer, "220 sink ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                {
                    await Say(writer, "250-sink\r\n250-PIPELINING\r\n250 8BITMIME");
                }
                else if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    await Say(writer, "354 go on");
                    string? messageId = null;
                    while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                    {
                        if (messageId is null && data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                        {
                            messageId = data["Message-Id:".Length..].Trim();
                        }
                    }

                    Accepted.Enqueue((messageId ?? "", _clock.Elapsed));
                    await Say(writer, "250 2.0.0 discarded");
                }
                else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
                {
                    await Say(writer, "221 bye");
                    return;
                }
                else
                {
                    await Say(writer, "250 ok");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The bot went away (killed, say) or the bench ended.
        }
    }

    private static async Task Say(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply);
        await writer.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
