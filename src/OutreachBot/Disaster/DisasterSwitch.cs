namespace OutreachBot.Disaster;

/// <summary>One switch of disaster mode as asked (and, once confirmed, as in force): who, why, when.</summary>
public sealed record DisasterSwitch
{
    public long Id { get; init; }

    public bool Active { get; init; }

    public bool Drill { get; init; }

    public IReadOnlyList<string> DrillAudience { get; init; } = [];

    /// <summary>The stored form of <see cref="DrillAudience"/> (<c>drill_audience</c>, one id a line), as Dapper sets it.</summary>
    private string Audience
    {
        init => DrillAudience = value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public string Reason { get; init; } = "";

    public string RequestedBy { get; init; } = "";

    public DateTimeOffset RequestedAt { get; init; }

    public string? ConfirmedBy { get; init; }

    public string? ConfirmReason { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public DateTimeOffset? MenusDoneAt { get; init; }

    /// <summary>How the switch of everyone's rich menu went, once done (LINE's phase, users linked, or the error).</summary>
    public string? MenusOutcome { get; init; }

    /// <summary>Whether <paramref name="userId"/> is shown the disaster menu and messages under this switch.</summary>
    public bool Reaches(string userId) => Active && (!Drill || DrillAudience.Contains(userId, StringComparer.Ordinal));
}

/// <summary>The mode in force and the switch waiting for a second approver, if any.</summary>
public sealed record DisasterModeView(DisasterSwitch? Current, DisasterSwitch? Pending)
{
    public bool Active => Current?.Active == true;

    public bool Drill => Active && Current!.Drill;
}
