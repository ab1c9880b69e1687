using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Broadcasts;
using OutreachBot.Line.Messaging;
using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

/// <summary>The push gate every HTTP client of the bot ends with: pushes wait for their turn, nothing else does.</summary>
public sealed class PushRateHandlerTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();
    private readonly SettableRateShare _share = new();
    private readonly ConcurrentQueue<(string Path, TimeSpan At)> _sent = new();
    private readonly long _start;
    private readonly HttpMessageInvoker _http;

    public PushRateHandlerTests()
    {
        _start = _time.GetTimestamp();
        var limiter = new PushRateLimiter(Options.Create(new BroadcastOptions { PushPerSecond = 10 }), _time, _share);
        _http = new HttpMessageInvoker(new PushRateHandler(limiter, 10) { InnerHandler = new Wire(this) });
    }

    [Fact]
    public async Task Push_ManyAtOnce_GoOutOneSpacingApartUnderPushPerSecond()
    {
        var pushes = Enumerable.Range(0, 4).Select(_ => SendAsync("/v2/bot/message/push")).ToList();
        await WaitForSentAsync(1);

        for (var k = 1; k < 4; k++)
        {
            _time.Advance((Window / 10) - TimeSpan.FromMilliseconds(1));
            await StaysAtAsync(k);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await WaitForSentAsync(k + 1);
        }

        await Task.WhenAll(pushes);
        Assert.Equal(Enumerable.Range(0, 4).Select(k => Window / 10 * k), _sent.Select(s => s.At));
    }

    [Fact]
    public async Task Push_InstanceHasHalfTheCeiling_SpacedForHalf()
    {
        _share.PerWindow = 5;
        await SendAsync("/v2/bot/message/push");

        var second = SendAsync("/v2/bot/message/push");
        _time.Advance((Window / 5) - TimeSpan.FromMilliseconds(1));
        await StaysAtAsync(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OtherRequests_NoTurnForPushes_PassAtOnce()
    {
        _share.PerWindow = 0;

        await SendAsync("/v2/bot/message/multicast").WaitAsync(TimeSpan.FromSeconds(5));
        await SendAsync("/v2/bot/message/reply").WaitAsync(TimeSpan.FromSeconds(5));
        await SendAsync("/v2/bot/message/quota", HttpMethod.Get).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, _sent.Count);
    }

    [Fact]
    public async Task Push_CancelledWhileWaitingForItsTurn_ClearLineErrorAndNothingSent()
    {
        _share.PerWindow = 0;
        using var timeout = new CancellationTokenSource();

        var push = SendAsync("/v2/bot/message/push", cancellationToken: timeout.Token);
        await timeout.CancelAsync();
        var error = await Assert.ThrowsAsync<LineApiException>(() => push);

        Assert.Empty(_sent);
        Assert.Equal("push", error.Operation);
        Assert.Null(error.StatusCode);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Broadcasts:PushPerSecond (10/s for the channel, 0/s for this instance now)", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(string path, HttpMethod? method = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri("https://api.line.me" + path));
        using var response = await _http.SendAsync(request, cancellationToken);
    }

    private async Task WaitForSentAsync(int count)
    {
        for (var waited = 0; _sent.Count < count && waited < 500; waited++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _sent.Count);
    }

    /// <summary>Gives a wrongly released push real time to show up before concluding it was held.</summary>
    private async Task StaysAtAsync(int count)
    {
        await Task.Delay(50);
        Assert.Equal(count, _sent.Count);
    }

    private sealed class Wire(PushRateHandlerTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._sent.Enqueue((request.RequestUri!.AbsolutePath, test._time.GetElapsedTime(test._start)));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
