using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// Server-Sent Events for one citizen's chat: <c>line</c> events (id = sequence, so a reconnecting EventSource
/// resumes with Last-Event-ID) and <c>delivery</c> events when a webhook's outcome changes.
/// </summary>
internal static class TranscriptStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IResult Open(string userId, long? after, HttpContext http, ChatTranscript transcript, DeliveryLog deliveries, ChatViews views)
    {
        var from = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], out var last) ? last : 0);
        return TypedResults.ServerSentEvents(Items(userId, Math.Max(from, 0), transcript, deliveries, views, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(
        string userId,
        long after,
        ChatTranscript transcript,
        DeliveryLog deliveries,
        ChatViews views,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The handlers only wake the loop, which reads the transcript itself: nothing is lost or reordered
        // when lines arrive while a write is in progress.
        var wake = Channel.CreateUnbounded<SentEvent?>(new UnboundedChannelOptions { SingleReader = true });
        void OnLine(ChatLine line)
        {
            if (line.UserId == userId)
            {
                wake.Writer.TryWrite(null);
            }
        }

        void OnDelivery(SentEvent sent)
        {
            if (sent.UserId == userId)
            {
                wake.Writer.TryWrite(sent);
            }
        }

        transcript.LineAdded += OnLine;
        deliveries.Changed += OnDelivery;
        try
        {
            // Sends the headers at once (an EventSource waits for them) and tells it how soon to reconnect.
            yield return new SseItem<string>("{}", "ready") { ReconnectionInterval = TimeSpan.FromSeconds(2) };
            wake.Writer.TryWrite(null);
            var waiting = wake.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (!cancellationToken.IsCancellationRequested)
            {
                Task winner;
                using (var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    winner = await Task.WhenAny(waiting, Task.Delay(Heartbeat, tick.Token));
                    await tick.CancelAsync();
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                if (winner != waiting)
                {
                    // Keeps proxies from closing an idle stream, and lets the server notice a client that left.
                    yield return new SseItem<string>("{}", "ping");
                    continue;
                }

                var changed = new Dictionary<string, SentEvent>(StringComparer.Ordinal);
                while (wake.Reader.TryRead(out var item))
                {
                    if (item is not null)
                    {
                        changed[item.WebhookEventId] = item;
                    }
                }

                foreach (var line in transcript.For(userId, after))
                {
                    after = line.Sequence;
                    yield return new SseItem<string>(JsonSerializer.Serialize(views.Line(line), ChatJson.Options), "line")
                    {
                        EventId = line.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    };
                }

                foreach (var sent in changed.Values)
                {
                    var current = deliveries.Find(sent.WebhookEventId) ?? sent;
                    yield return new SseItem<string>(JsonSerializer.Serialize(ChatViews.Delivery(current), ChatJson.Options), "delivery");
                }

                waiting = wake.Reader.WaitToReadAsync(cancellationToken).AsTask();
            }
        }
        finally
        {
            transcript.LineAdded -= OnLine;
            deliveries.Changed -= OnDelivery;
        }
    }
}
