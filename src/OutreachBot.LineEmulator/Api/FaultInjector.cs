namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// What goes wrong, and how often. Shares are 0..1 and drawn in this order from one random number per request:
/// 429, 500, dropped connection, slow answer. Changeable while running, through <see cref="FaultInjector"/> or
/// <c>PUT /_emulator/faults</c>.
/// </summary>
public sealed record FaultSettings
{
    // Settable, not init: source-generated JSON would otherwise reset every property missing from a PUT to default.
    public double TooManyRequests { get; set; }

    /// <summary>Seconds in the 429's <c>Retry-After</c>; none when null.</summary>
    public int? RetryAfterSeconds { get; set; } = 1;

    public double ServerError { get; set; }

    public double DropConnection { get; set; }

    public double Slow { get; set; }

    public int SlowMilliseconds { get; set; } = 2000;

    /// <summary>
    /// 500s and dropped connections hit after the request was carried out (messages delivered, retry key kept), as
    /// when LINE's answer is lost on the way: the case retry keys exist for. Otherwise they hit before.
    /// </summary>
    public bool AfterProcessing { get; set; }

    /// <summary>Only requests whose path starts with one of these (e.g. <c>/v2/bot/message/multicast</c>); all when empty.</summary>
    public IReadOnlyList<string> Paths { get; set; } = [];

    /// <summary>Stop injecting after this many faults; unlimited when null. With shares of 1 it fails "the next N" requests.</summary>
    public int? MaxFaults { get; set; }

    /// <summary>Seed for the draws, so a run can be repeated; random when null.</summary>
    public int? Seed { get; set; }
}

public enum FaultKind { None, TooManyRequests, ServerError, DropConnection, Slow }

public sealed record FaultDecision(FaultKind Kind, bool AfterProcessing, TimeSpan Delay, int? RetryAfterSeconds)
{
    public static readonly FaultDecision None = new(FaultKind.None, false, TimeSpan.Zero, null);
}

public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings = new();
    private Random _random = new();
    private int _injected;

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>How many faults were injected since the settings were last set.</summary>
    public int Injected => Volatile.Read(ref _injected);

    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            // A copy, so that changing the caller's object later does not change a run under way.
            _settings = settings with { Paths = [.. settings.Paths ?? []] };
            _random = settings.Seed is { } seed ? new Random(seed) : new Random();
            _injected = 0;
        }
    }

    public void Clear() => Set(new FaultSettings());

    public FaultDecision Decide(string path)
    {
        lock (_gate)
        {
            var s = _settings;
            if ((s.MaxFaults is { } max && _injected >= max)
                || (s.Paths.Count > 0 && !s.Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal))))
            {
                return FaultDecision.None;
            }

            var draw = _random.NextDouble();
            var kind = FaultKind.None;
            var edge = 0.0;
            foreach (var (candidate, share) in new[]
                     {
                         (FaultKind.TooManyRequests, s.TooManyRequests), (FaultKind.ServerError, s.ServerError),
                         (FaultKind.DropConnection, s.DropConnection), (FaultKind.Slow, s.Slow),
                     })
            {
                edge += share;
                if (share > 0 && draw < edge)
                {
                    kind = candidate;
                    break;
                }
            }

            if (kind == FaultKind.None)
            {
                return FaultDecision.None;
            }

            _injected++;
            return new FaultDecision(kind, s.AfterProcessing, TimeSpan.FromMilliseconds(s.SlowMilliseconds), s.RetryAfterSeconds);
        }
    }
}
