using OutreachBot.Storage;

namespace OutreachBot.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Submit_WhileAGroupCommits_TheItemsThatArriveShareTheNextCommitAndEachGetsItsOwnResult()
    {
        var commits = new List<int[]>();
        var firstCommitHeld = new TaskCompletionSource();
        var releaseFirstCommit = new TaskCompletionSource();
        using var writer = new GroupCommit<int, string>(async items =>
        {
            lock (commits)
            {
                commits.Add([.. items]);
            }

            if (items.Contains(0))
            {
                firstCommitHeld.SetResult();
                await releaseFirstCommit.Task;
            }

            return [.. items.Select(i => $"written {i}")];
        });

        var first = Task.Run(() => writer.SubmitAsync(0));
        await firstCommitHeld.Task;
        var later = Enumerable.Range(1, 5).Select(i => Task.Run(() => writer.SubmitAsync(i))).ToArray();
        await WaitUntilQueuedAsync(later);
        releaseFirstCommit.SetResult();

        Assert.Equal("written 0", await first);
        var results = await Task.WhenAll(later);
        Assert.Equal(["written 1", "written 2", "written 3", "written 4", "written 5"], results);
        Assert.Equal(2, commits.Count);
        Assert.Equal([1, 2, 3, 4, 5], commits[1].Order());
    }

    [Fact]
    public async Task Submit_AGroupWithAnItemThatCannotBeWritten_OnlyThatItemFails()
    {
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var written = new List<int>();
        using var writer = new GroupCommit<int, int>(async items =>
        {
            if (items.Contains(0))
            {
                held.SetResult();
                await release.Task;
            }

            if (items.Contains(3))
            {
                throw new InvalidOperationException("item 3 breaks a constraint");
            }

            lock (written)
            {
                written.AddRange(items);
            }

            return items;
        });

        var first = Task.Run(() => writer.SubmitAsync(0));
        await held.Task;
        var group = Enumerable.Range(1, 5).Select(i => Task.Run(() => writer.SubmitAsync(i))).ToArray();
        await WaitUntilQueuedAsync(group);
        release.SetResult();

        await first;
        await Assert.ThrowsAsync<InvalidOperationException>(() => group[2]);
        var others = await Task.WhenAll(group[0], group[1], group[3], group[4]);
        Assert.Equal([1, 2, 4, 5], others);
        Assert.Equal([0, 1, 2, 4, 5], written.Order());
    }

    /// <summary>The submitters are waiting once none of them can run on: give them a moment to enqueue.</summary>
    private static async Task WaitUntilQueuedAsync(Task[] submitters)
    {
        await Task.Delay(200);
        Assert.All(submitters, t => Assert.False(t.IsCompleted));
    }
}
