using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>
/// An SMTP endpoint for the faults smtp4dev cannot produce: after each mail's data, <see cref="Reply"/> decides what the
/// server says for that recipient and attempt (a reply line such as "451 4.3.0 Try later", or null to drop the
/// connection without answering). Mails answered 250 are kept by Message-ID.
/// </summary>
public sealed class ScriptedSmtp : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task _accepting;
    private int _connections;

    public ScriptedSmtp(Func<string, int, string?> reply)
    {
        Reply = reply;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Func<string, int, string?> Reply { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>(recipient, Message-ID) of every mail answered 250, in order.</summary>
    public ConcurrentQueue<(string Recipient, string MessageId)> Accepted { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "市民活動推進課 <katsudo@city.example.jp>",
        ["Mail:PerSecond"] = "0",
        ["Mail:Timeout"] = "00:00:05",
    };

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

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted ESMTP");
            string? recipient = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-scripted\r\n250 8BITMIME\r\n");
                        break;
                    case "RCPT":
                        recipient = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        await writer.WriteLineAsync("250 2.1.5 Ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        string? messageId = null;
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                            if (messageId is null && data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                            {
                                messageId = data["Message-Id:".Length..].Trim().Trim('<', '>');
                            }
                        }

                        var attempt = _attempts.AddOrUpdate(recipient!, 1, (_, n) => n + 1);
                        var reply = Reply(recipient!, attempt);
                        if (reply is null)
                        {
                            return;
                        }

                        if (reply.StartsWith("250", StringComparison.Ordinal))
                        {
                            Accepted.Enqueue((recipient!, messageId ?? ""));
                        }

                        await writer.WriteLineAsync(reply);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the test ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
