using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Bench.Webhook;

/// <summary>
/// One text message event per request, from one of <c>users</c> citizens, with a unique id and, while they last, a
/// real reply token. Made from a template, so that the load generator spends its time sending rather than serializing.
/// </summary>
public sealed class WebhookLoad(string secret, int users)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private string[] _replyTokens = [];
    private long _sequence;
    private long _tokenBase;
    private long _tokensMissing;

    /// <summary>Requests that went out after the reply tokens ran out (their answers go by push instead of reply).</summary>
    public long TokensMissing => Interlocked.Read(ref _tokensMissing);

    public static string UserId(long sequence, int users) => "U" + (sequence % users).ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>The user ids of the next <paramref name="count"/> requests, to ask the emulator for their reply tokens.</summary>
    public IReadOnlyList<string> NextUsers(int count)
    {
        var first = Interlocked.Read(ref _sequence) + 1;
        return [.. Enumerable.Range(0, count).Select(i => UserId(first + i, users))];
    }

    /// <summary>Tokens for the requests from the next one on, in order (as <see cref="NextUsers"/> listed them).</summary>
    public void UseReplyTokens(string[] tokens)
    {
        _replyTokens = tokens;
        _tokenBase = Interlocked.Read(ref _sequence) + 1;
    }

    public HttpRequestMessage NextRequest()
    {
        var n = Interlocked.Increment(ref _sequence);
        var index = n - _tokenBase;
        string replyToken;
        if (index >= 0 && index < _replyTokens.Length)
        {
            replyToken = _replyTokens[index];
        }
        else
        {
            Interlocked.Increment(ref _tokensMissing);
            replyToken = "0000000000000000000000000000000" + (n % 10);
        }

        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$$"""
            {"destination":"Ubench","events":[{"type":"message","mode":"active","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"source":{"type":"user","userId":"{{{UserId(n, users)}}}"},"webhookEventId":"01BENCH{{{n:D19}}}","deliveryContext":{"isRedelivery":false},"replyToken":"{{{replyToken}}}","message":{"id":"{{{n}}}","type":"text","quoteToken":"q","text":"ボランティア募集について教えてください"}}]}
            """));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/line") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(body, secret));
        return request;
    }
}
