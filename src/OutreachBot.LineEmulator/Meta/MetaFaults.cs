namespace OutreachBot.LineEmulator.Meta;

/// <summary>
/// One fault the Graph API plays on demand: <c>throttle</c> (an error with <see cref="Code"/> 4, 17, 32, 613, 80001 or
/// 80002 and the usage headers at 100%), <c>server-error</c> (500, code 2), <c>token</c> (code 190: the token expired
/// or was revoked) or <c>timeout-after-publish</c> (the post is made, then no answer comes for <see cref="DelayMilliseconds"/>
/// and the connection drops, as when Meta's answer is lost).
/// </summary>
public sealed record MetaFault
{
    public string Kind { get; set; } = "throttle";

    public int Code { get; set; } = 4;

    /// <summary>Only requests whose path contains this (<c>/feed</c>, <c>/media_publish</c>); all when empty.</summary>
    public string Path { get; set; } = "";

    /// <summary>How many requests it hits; until cleared when null.</summary>
    public int? Count { get; set; } = 1;

    public int DelayMilliseconds { get; set; } = 30_000;

    /// <summary>Minutes in the usage header's <c>estimated_time_to_regain_access</c>.</summary>
    public int RegainMinutes { get; set; } = 1;

    internal static readonly string[] Kinds = ["throttle", "server-error", "token", "timeout-after-publish"];

    internal static readonly int[] ThrottleCodes = [4, 17, 32, 613, 80001, 80002];

    internal bool IsValid => Kinds.Contains(Kind) && (Kind != "throttle" || ThrottleCodes.Contains(Code))
        && Count is null or > 0 && DelayMilliseconds >= 0 && RegainMinutes >= 0;
}

/// <summary>The faults waiting for their requests, first set first served.</summary>
public sealed class MetaFaults
{
    private readonly Lock _gate = new();
    private readonly List<MetaFault> _pending = [];

    public IReadOnlyList<MetaFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending];
            }
        }
    }

    public void Add(MetaFault fault)
    {
        lock (_gate)
        {
            _pending.Add(fault with { });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>The fault this request meets, if any (counting it). <paramref name="publishing"/>: a timeout after publishing only hits posts.</summary>
    public MetaFault? Take(string path, bool publishing)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(f => path.Contains(f.Path, StringComparison.Ordinal) && (f.Kind != "timeout-after-publish" || publishing));
            if (index < 0)
            {
                return null;
            }

            var fault = _pending[index];
            if (fault.Count is { } count)
            {
                if (count <= 1)
                {
                    _pending.RemoveAt(index);
                }
                else
                {
                    _pending[index] = fault with { Count = count - 1 };
                }
            }

            return fault;
        }
    }
}
