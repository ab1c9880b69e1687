using System.Collections.Concurrent;
using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
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

    /// <summary>
    /// One client, served from a pipe: every complete line in what arrived is handled, and the replies to all of them
    /// (a pipelining client sends MAIL, RCPT and DATA at once) leave in one write, without Nagle's delay.
    /// </summary>
    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        var input = PipeReader.Create(stream);
        var output = PipeWriter.Create(stream);
        var session = new Session(this);
        try
        {
            Say(output, "220 sink ESMTP");
            await output.FlushAsync(_stop.Token);
            while (!session.Done)
            {
                var read = await input.ReadAsync(_stop.Token);
                var buffer = read.Buffer;
                while (!session.Done && buffer.PositionOf((byte)'\n') is { } end)
                {
                    var line = buffer.Slice(0, end);
                    session.Handle(line.IsSingleSegment ? line.FirstSpan : line.ToArray(), output);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                await output.FlushAsync(_stop.Token);
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The bot went away (killed, say) or the bench ended.
        }
    }

    private static void Say(PipeWriter output, string reply)
    {
        output.Write(Encoding.ASCII.GetBytes(reply));
        output.Write("\r\n"u8);
    }

    /// <summary>Where a client is in the conversation: commands, or a mail's headers (for its Message-ID), or its body.</summary>
    private sealed class Session(SmtpSink sink)
    {
        private static readonly byte[] MessageIdHeader = "Message-Id:"u8.ToArray();
        private bool _inData;
        private bool _inHeaders;
        private string? _messageId;

        public bool Done { get; private set; }

        public void Handle(ReadOnlySpan<byte> line, PipeWriter output)
        {
            line = line.TrimEnd((byte)'\r');
            if (_inData)
            {
                Data(line, output);
            }
            else if (Is(line, "EHLO"u8))
            {
                Say(output, "250-sink\r\n250-PIPELINING\r\n250 8BITMIME");
            }
            else if (Is(line, "DATA"u8))
            {
                (_inData, _inHeaders, _messageId) = (true, true, null);
                Say(output, "354 go on");
            }
            else if (Is(line, "QUIT"u8))
            {
                Say(output, "221 bye");
                Done = true;
            }
            else
            {
                Say(output, "250 ok");
            }
        }

        private void Data(ReadOnlySpan<byte> line, PipeWriter output)
        {
            if (line.SequenceEqual("."u8))
            {
                sink.Accepted.Enqueue((_messageId ?? "", sink._clock.Elapsed));
                _inData = false;
                Say(output, "250 2.0.0 discarded");
            }
            else if (_inHeaders && line.IsEmpty)
            {
                _inHeaders = false;
            }
            else if (_inHeaders && _messageId is null && Is(line, MessageIdHeader))
            {
                _messageId = Encoding.ASCII.GetString(line[MessageIdHeader.Length..]).Trim();
            }
        }

        private static bool Is(ReadOnlySpan<byte> line, ReadOnlySpan<byte> start) =>
            line.Length >= start.Length && Ascii.EqualsIgnoreCase(line[..start.Length], start);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
