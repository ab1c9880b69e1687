using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>How the scripted server answers one mail. A <see langword="null"/> reply means it never answers.</summary>
/// <param name="DropAfterData">Closes the connection when the mail's data has arrived, before answering it.</param>
public sealed record SmtpMailScript(string? RcptReply = "250 2.1.5 Ok", string? DataReply = "250 2.0.0 Ok: queued", bool DropAfterData = false)
{
    public static readonly SmtpMailScript Accept = new();
}

/// <summary>
/// An SMTP endpoint for the faults smtp4dev cannot make: it speaks just enough SMTP (EHLO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT, no pipelining) and answers each mail as the next entry of its script says (then accepts).
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<SmtpMailScript> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly Task _accepting;
    private int _connections;
    private int _accepted;

    public ScriptedSmtpServer(params SmtpMailScript[] script)
    {
        _script = new ConcurrentQueue<SmtpMailScript>(script);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many SMTP connections clients have opened.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>How many mails were answered with a 2xx after their data.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next connection.
        }

        _stop.Dispose();
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
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted ESMTP");
            var mail = SmtpMailScript.Accept;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                string? reply;
                switch (verb)
                {
                    case "EHLO":
                        reply = "250-scripted\r\n250 8BITMIME";
                        break;
                    case "HELO" or "RSET" or "NOOP":
                        reply = "250 Ok";
                        break;
                    case "MAIL":
                        mail = _script.TryDequeue(out var next) ? next : SmtpMailScript.Accept;
                        reply = "250 2.1.0 Ok";
                        break;
                    case "RCPT":
                        reply = mail.RcptReply;
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                        }

                        if (mail.DropAfterData)
                        {
                            return;
                        }

                        reply = mail.DataReply;
                        if (reply is not null && reply.StartsWith('2'))
                        {
                            Interlocked.Increment(ref _accepted);
                        }

                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        reply = "502 5.5.2 Command not implemented";
                        break;
                }

                if (reply is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await writer.WriteLineAsync(reply);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server stopped.
        }
        finally
        {
            client.Dispose();
        }
    }
}
