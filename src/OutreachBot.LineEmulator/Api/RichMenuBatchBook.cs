using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// Rich menu batch requests (<c>POST /v2/bot/richmenu/batch</c>) as LINE runs them: accepted at once, then worked
/// through every user in the background at <see cref="EmulatorOptions.RichMenuBatchUsersPerSecond"/>, each operation
/// applied to the users linked to its <c>from</c> menu (<c>unlinkAll</c>: to every linked user); the progress is kept
/// by the request id of the 202.
/// </summary>
public sealed class RichMenuBatchBook(EmulatedUsers users, RichMenuBook menus, IOptionsMonitor<EmulatorOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<string, RichMenuBatch> _batches = new(StringComparer.Ordinal);

    public RichMenuBatch? Find(string requestId) => _batches.TryGetValue(requestId, out var batch) ? batch : null;

    public RichMenuBatch Accept(string requestId, IReadOnlyList<RichMenuBatchOperation> operations)
    {
        var batch = new RichMenuBatch(requestId, operations, time.GetUtcNow());
        _batches[requestId] = batch;
        batch.Work = Task.Run(() => RunAsync(batch));
        return batch;
    }

    private async Task RunAsync(RichMenuBatch batch)
    {
        var perTick = Math.Max(1, options.CurrentValue.RichMenuBatchUsersPerSecond / 10);
        var failed = false;
        var walked = 0;
        foreach (var user in users.Walk())
        {
            if (user.RichMenuId is { } linked && NextMenu(batch.Operations, linked) is var (changes, next) && changes)
            {
                // A menu deleted since the request leaves its users as they were, and the batch failed.
                if (next is not null && menus.Find(next) is null)
                {
                    failed = true;
                }
                else
                {
                    users.Update(user with { RichMenuId = next });
                }
            }

            if (++walked % perTick == 0)
            {
                await Task.Delay(Tick, time);
            }
        }

        batch.Complete(failed ? RichMenuBatch.Failed : RichMenuBatch.Succeeded, time.GetUtcNow());
    }

    private static (bool Changes, string? Next) NextMenu(IReadOnlyList<RichMenuBatchOperation> operations, string linked)
    {
        foreach (var operation in operations)
        {
            switch (operation.Type)
            {
                case RichMenuBatchOperation.UnlinkAll:
                    return (true, null);
                case RichMenuBatchOperation.Link when operation.From == linked:
                    return (true, operation.To);
                case RichMenuBatchOperation.Unlink when operation.From == linked:
                    return (true, null);
            }
        }

        return (false, linked);
    }
}

public sealed record RichMenuBatchOperation(string Type, string? From, string? To)
{
    public const string Link = "link";
    public const string Unlink = "unlink";
    public const string UnlinkAll = "unlinkAll";
}

public sealed class RichMenuBatch(string requestId, IReadOnlyList<RichMenuBatchOperation> operations, DateTimeOffset acceptedTime)
{
    public const string Ongoing = "ongoing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    private volatile string _phase = Ongoing;

    public string RequestId { get; } = requestId;

    public IReadOnlyList<RichMenuBatchOperation> Operations { get; } = operations;

    public DateTimeOffset AcceptedTime { get; } = acceptedTime;

    public DateTimeOffset? CompletedTime { get; private set; }

    public string Phase => _phase;

    /// <summary>Completes when every user has been gone through.</summary>
    public Task Work { get; internal set; } = Task.CompletedTask;

    internal void Complete(string phase, DateTimeOffset at)
    {
        CompletedTime = at;
        _phase = phase;
    }
}
