using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>One emulator on a free loopback port and a client wired to it the way the bot wires it, per test.</summary>
public sealed class LineTestHost : IAsyncDisposable
{
    public const string Token = "test-channel-access-token-5f2c9e";

    private readonly ServiceProvider _services;

    private LineTestHost(LineEmulatorServer line, ServiceProvider services, CapturedLogs logs)
    {
        Line = line;
        _services = services;
        Logs = logs;
    }

    public LineEmulatorServer Line { get; }

    public CapturedLogs Logs { get; }

    /// <summary>A fresh typed client, as a consumer would resolve it.</summary>
    public LineMessagingClient Client => _services.GetRequiredService<LineMessagingClient>();

    public static async Task<LineTestHost> StartAsync(
        Action<LineClientOptions>? client = null, Action<EmulatorOptions>? emulator = null, TimeProvider? time = null)
    {
        var emulatorOptions = new EmulatorOptions();
        emulatorOptions.ChannelAccessTokens.Add(Token);
        emulator?.Invoke(emulatorOptions);
        var line = await LineEmulatorServer.StartAsync(emulatorOptions, timeProvider: time);

        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddLineMessagingClient(options =>
        {
            options.ChannelAccessToken = Token;
            options.ApiBaseUrl = line.BaseUrl;
            options.DataApiBaseUrl = line.BaseUrl;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
            client?.Invoke(options);
        });
        return new LineTestHost(line, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Line.DisposeAsync();
    }
}

internal static class TestImages
{
    /// <summary>The first bytes of a PNG (signature and IHDR): all the emulator reads to know its size.</summary>
    public static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        byte[] header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        header.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }
}
