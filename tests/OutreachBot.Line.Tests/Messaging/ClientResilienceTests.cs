using System.Diagnostics;
using System.Net;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Api;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>Transient failures injected by the emulator, and what the client makes of them.</summary>
public sealed class ClientResilienceTests
{
    private const string PushPath = "/v2/bot/message/push";
    private const string MulticastPath = "/v2/bot/message/multicast";
    private static readonly Message[] Hello = [TextMessage.Create("お知らせ")];

    public static TheoryData<string, FaultSettings> TransientFaults => new()
    {
        { "429", new FaultSettings { TooManyRequests = 1, RetryAfterSeconds = null, MaxFaults = 2, Paths = [PushPath] } },
        { "500", new FaultSettings { ServerError = 1, MaxFaults = 2, Paths = [PushPath] } },
        { "dropped", new FaultSettings { DropConnection = 1, MaxFaults = 2, Paths = [PushPath] } },
        { "500 after delivery", new FaultSettings { ServerError = 1, AfterProcessing = true, MaxFaults = 2, Paths = [PushPath] } },
        { "dropped after delivery", new FaultSettings { DropConnection = 1, AfterProcessing = true, MaxFaults = 2, Paths = [PushPath] } },
        { "mixed, seeded", new FaultSettings { TooManyRequests = 0.4, ServerError = 0.3, DropConnection = 0.3, RetryAfterSeconds = null, MaxFaults = 2, Seed = 7, Paths = [PushPath] } },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task PushAsync_TwoTransientFailures_RetriesWithTheSameKeyAndDeliversExactlyOnce(string fault, FaultSettings settings)
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(settings);

        var result = await host.Client.PushAsync("Ualice", Hello);

        var attempts = host.Line.Journal.For(PushPath);
        Assert.True(attempts.Count == 3, $"{fault}: {attempts.Count} attempts");
        Assert.All(attempts, a => Assert.Equal(result.RetryKey!.Value.ToString("D"), a.RetryKey));
        var delivery = Assert.Single(host.Line.Journal.Deliveries);
        Assert.Equal(result.RetryKey!.Value.ToString("D"), delivery.RetryKey);
        Assert.Single(host.Line.Transcript.For("Ualice"));
        Assert.Equal(settings.AfterProcessing, result.AlreadyAccepted);
    }

    [Fact]
    public async Task MulticastAsync_ServerErrorAfterDelivery_RetryAnswers409AndCountsAsAccepted()
    {
        await using var host = await LineTestHost.StartAsync();
        string[] recipients = ["U1", "U2", "U3"];
        foreach (var id in recipients)
        {
            host.Line.AddFollower(id);
        }

        host.Line.Faults.Set(new FaultSettings { ServerError = 1, AfterProcessing = true, MaxFaults = 1, Paths = [MulticastPath] });

        var result = await host.Client.MulticastAsync(recipients, Hello);

        Assert.True(result.AlreadyAccepted);
        var attempts = host.Line.Journal.For(MulticastPath);
        Assert.Equal([500, 409], attempts.Select(a => a.Status));
        Assert.Equal(attempts[0].RequestId, result.AcceptedRequestId);
        var deliveries = host.Line.Journal.Deliveries;
        Assert.Equal(recipients, deliveries.Select(d => d.Recipient).Order());
        Assert.Equal(deliveries.Count, deliveries.DistinctBy(d => (d.RetryKey, d.Recipient)).Count());
    }

    [Fact]
    public async Task PushAsync_429WithRetryAfter_WaitsAtLeastRetryAfterBeforeRetrying()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { TooManyRequests = 1, RetryAfterSeconds = 1, MaxFaults = 1 });

        var clock = Stopwatch.StartNew();
        await host.Client.PushAsync("Ualice", Hello);
        clock.Stop();

        var attempts = host.Line.Journal.For(PushPath);
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {attempts[1].At - attempts[0].At}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task PushAsync_SlowAnswerPastAttemptTimeout_RetriesAndCountsTheFirstAsAccepted()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { Slow = 1, SlowMilliseconds = 1500, MaxFaults = 1 });

        var result = await host.Client.PushAsync("Ualice", Hello);

        // The slow answer was LINE accepting the push; the retry with the same key is told so.
        Assert.True(result.AlreadyAccepted);
        Assert.Equal(2, host.Line.Journal.For(PushPath).Count);
        Assert.Single(host.Line.Journal.Deliveries);
    }

    [Fact]
    public async Task GetProfileAsync_SlowThenDropped_RetriesUntilAnswered()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        host.Line.Users.GetOrAdd("Ualice", "Alice");
        host.Line.Faults.Set(new FaultSettings { Slow = 0.5, DropConnection = 0.5, SlowMilliseconds = 1000, MaxFaults = 2, Seed = 3 });

        var profile = await host.Client.GetProfileAsync("Ualice");

        Assert.Equal("Alice", profile.Value.DisplayName);
        Assert.Equal(3, host.Line.Journal.Requests.Count);
    }

    [Fact]
    public async Task PushAsync_ServerErrorOnEveryTry_ThrowsTransientAfterMaxAttempts()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.MaxAttempts = 3);
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { ServerError = 1 });

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.PushAsync("Ualice", Hello));

        Assert.True(error.IsTransient);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Internal server error", error.Message);
        Assert.Equal("push", error.Operation);
        Assert.Equal(3, host.Line.Journal.For(PushPath).Count);
        Assert.Empty(host.Line.Journal.Deliveries);
    }

    [Fact]
    public async Task PushAsync_ConnectionDroppedOnEveryTry_ThrowsTransientWithoutStatus()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.MaxAttempts = 2);
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { DropConnection = 1 });

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.PushAsync("Ualice", Hello));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task PushAsync_429OnEveryTry_ThrowsTransientWithRetryAfter()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.MaxAttempts = 1);
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { TooManyRequests = 1, RetryAfterSeconds = 30 });

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.PushAsync("Ualice", Hello));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task CreateRichMenuAsync_ServerError_IsNotRetriedSinceARepeatWouldMakeTwoMenus()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.Faults.Set(new FaultSettings { ServerError = 1, MaxFaults = 1 });
        var menu = new RichMenuRequest(new RichMenuSize(2500, 843), false, "m", "menu",
            [new RichMenuArea(new RichMenuBounds(0, 0, 2500, 843), new MessageAction("a", "a"))]);

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.CreateRichMenuAsync(menu));

        Assert.True(error.IsTransient);
        Assert.Single(host.Line.Journal.Requests);
    }

    [Fact]
    public async Task AnyCall_WithRetriesAndFailures_NeverLogsTheTokenAndLogsEachRequestId()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");
        host.Line.Faults.Set(new FaultSettings { ServerError = 1, MaxFaults = 1 });

        var pushed = await host.Client.PushAsync("Ualice", Hello);
        await Assert.ThrowsAsync<LineApiException>(() => host.Client.GetProfileAsync("Unobody"));
        var profileRequest = host.Line.Journal.Requests[^1];

        var logs = host.Logs.Entries;
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(LineTestHost.Token, StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains(pushed.RequestId!, StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains(profileRequest.RequestId, StringComparison.Ordinal));
        // HttpClient's own Trace logging did run: headers are there, their values redacted.
        Assert.Contains(logs, line => line.Contains("Authorization: *", StringComparison.Ordinal));
    }
}
