namespace OutreachBot.CivicEvents.Applications.Web;

/// <summary>What a resident typed into the event's application form, checked.</summary>
/// <param name="Answers">The answers to the event's questions, as staff read them (a choice by its Japanese label).</param>
/// <param name="ClientAddress">The client's address as the console sees it, for the per-client limit.</param>
public sealed record WebApplicationForm(
    long EventId, string Address, string Language, int PartySize, string Name, IReadOnlyList<string> Answers, string ClientAddress);

/// <summary>A request stored from the form: held until its confirmation link is followed; <see cref="Number"/> once it was.</summary>
public sealed record WebApplicationRequest
{
    public long Id { get; init; }

    public long EventId { get; init; }

    /// <summary>Null once erased.</summary>
    public string? Address { get; init; }

    public string Language { get; init; } = "";

    public int PartySize { get; init; }

    public string? Name { get; init; }

    public string? Answers { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public long? Number { get; init; }
}
