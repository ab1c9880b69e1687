using Microsoft.AspNetCore.Http.HttpResults;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Meta;

/// <summary>
/// Staff API for a broadcast's Facebook and Instagram posts, as the console's social page does it:
/// <c>/api/v1/broadcasts/{id}/social/{channel}</c> decide (needs-check), edit and delete (published). Each is audited.
/// </summary>
public static class SocialPostsApi
{
    public static RouteGroupBuilder MapSocialPostsApi(this IEndpointRouteBuilder app)
    {
        var social = app.MapStaffApiGroup().MapGroup("/broadcasts/{id:long}/social/{channel}").WithTags("Broadcasts");
        social.MapPost("/decide", DecideAsync).ForEditors().Refuses(404, 409)
            .WithSummary("For a post that needs checking (確認が必要): post true posts it from scratch, false leaves it unposted.");
        social.MapPost("/edit", EditAsync).ForEditors().Refuses(404, 409, 502)
            .WithSummary("Corrects the published post's text on Meta (Instagram: the caption, within its limits).");
        social.MapDelete("/", DeleteAsync).ForEditors().Refuses(404, 409, 502).WithSummary("Deletes the published post on Meta.");
        return social;
    }

    private static async Task<Results<Ok<SocialChannelView>, ProblemHttpResult>> DecideAsync(
        long id, string channel, SocialDecisionInput input, BroadcastStore broadcasts, SocialPostActions actions, SocialPostStore posts, HttpContext http, CancellationToken cancellationToken) =>
        await DoAsync(id, channel, broadcasts, posts, () => actions.DecideAsync(id, channel, input.Post, StaffActor.Of(http), cancellationToken), cancellationToken);

    private static async Task<Results<Ok<SocialChannelView>, ValidationProblem, ProblemHttpResult>> EditAsync(
        long id, string channel, SocialEditInput input, BroadcastStore broadcasts, SocialPostActions actions, SocialPostStore posts, HttpContext http, CancellationToken cancellationToken)
    {
        if (SocialPostActions.TextProblem(channel, input.Text) is { } problem)
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]> { ["text"] = [problem] });
        }

        return (await DoAsync(id, channel, broadcasts, posts, () => actions.EditAsync(id, channel, input.Text!, StaffActor.Of(http), cancellationToken), cancellationToken)).Result switch
        {
            Ok<SocialChannelView> done => done,
            var refused => (ProblemHttpResult)refused,
        };
    }

    private static async Task<Results<Ok<SocialChannelView>, ProblemHttpResult>> DeleteAsync(
        long id, string channel, BroadcastStore broadcasts, SocialPostActions actions, SocialPostStore posts, HttpContext http, CancellationToken cancellationToken) =>
        await DoAsync(id, channel, broadcasts, posts, () => actions.DeleteAsync(id, channel, StaffActor.Of(http), cancellationToken), cancellationToken);

    /// <summary>404 for a broadcast without that social channel, 409 for a post in the wrong state, 502 for Meta's refusal; else the post as it is now.</summary>
    private static async Task<Results<Ok<SocialChannelView>, ProblemHttpResult>> DoAsync(
        long id, string channel, BroadcastStore broadcasts, SocialPostStore posts, Func<Task<Bilingual?>> action, CancellationToken cancellationToken)
    {
        if (!BroadcastNames.TryChannel(channel, out var named) || named is not (BroadcastChannel.Facebook or BroadcastChannel.Instagram)
            || await broadcasts.FindAsync(id, cancellationToken) is not { } broadcast || !broadcast.Channels.Contains(named))
        {
            return StaffProblems.Refused(StatusCodes.Status404NotFound, new($"配信 {id} に {channel} の投稿はありません。", $"Broadcast {id} has no {channel} post."));
        }

        if (await action() is { } problem)
        {
            return StaffProblems.Refused(SocialPostActions.IsStateProblem(problem) ? StatusCodes.Status409Conflict : StatusCodes.Status502BadGateway, problem);
        }

        return TypedResults.Ok(SocialChannelView.Of((await posts.LatestAsync(id, cancellationToken)).FirstOrDefault(p => p.Channel == channel)));
    }
}

/// <param name="Post">True: post it from scratch; false: leave it unposted.</param>
public sealed record SocialDecisionInput(bool Post);

public sealed record SocialEditInput(string? Text);
