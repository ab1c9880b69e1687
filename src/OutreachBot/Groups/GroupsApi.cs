using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Groups;

/// <summary>A group as the staff API shows it; the contact's address is staff's, never on the public pages.</summary>
public sealed record GroupView(
    long Id, string Name, string ContactEmail, GroupProfile? Profile, GroupProfile? Pending, bool HasLogo,
    DateTimeOffset? ApprovedAt, DateTimeOffset? PendingSince, DateTimeOffset ConfirmedAt)
{
    public static GroupView Of(CivicGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(group.Id, group.Name, group.ContactEmail, group.Profile, group.Pending, group.HasLogo, group.ApprovedAt, group.PendingSince, group.ConfirmedAt);
    }
}

public sealed record GroupCreated(GroupView Group, GroupInvitation Invitation);

/// <summary>Staff API for civic groups: <c>/api/v1/groups</c>.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var groups = app.MapStaffApiGroup().MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", ListAsync).WithSummary("Every civic group with its public and pending profile, those waiting for approval first.");
        groups.MapGet("/{id:long}", GetAsync).Refuses(404);
        groups.MapPost("/", CreateAsync).ForEditors()
            .WithSummary("Registers a group (name, contact's email) and invites its contact: answers with the one-time link, mailed when e-mail is configured.");
        groups.MapPut("/{id:long}", PutAsync).ForApprovers().Refuses(404)
            .WithSummary("Staff write the group's profile themselves (approvers): public at once, replacing anything pending. Japanese description required.");
        groups.MapPost("/{id:long}/invitations", InviteAsync).ForEditors().Refuses(404)
            .WithSummary("A new one-time link for the group's contact (valid Groups:InvitationLifetime, once), mailed when e-mail is configured.");
        return groups;
    }

    private static async Task<Ok<IReadOnlyList<GroupView>>> ListAsync(GroupStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<GroupView>>([.. (await store.ListAsync(cancellationToken)).Select(GroupView.Of)]);

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> GetAsync(long id, GroupStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } group ? TypedResults.Ok(GroupView.Of(group)) : NotFound(id);

    private static async Task<Results<Created<GroupCreated>, ValidationProblem>> CreateAsync(
        GroupInviteInput input, GroupInvitations invitations, HttpContext http, CancellationToken cancellationToken)
    {
        if (!input.Validate())
        {
            return StaffProblems.Invalid(input.Errors);
        }

        var (group, invitation) = await invitations.InviteNewAsync(input, StaffActor.Of(http), cancellationToken);
        return TypedResults.Created($"/api/v1/groups/{group.Id}", new GroupCreated(GroupView.Of(group), invitation));
    }

    private static async Task<Results<Ok<GroupView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        long id, GroupProfileInput input, GroupStore store, GroupFieldStore fields, GroupProfiles profiles, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (input.Validate(await fields.InUseAsync(cancellationToken)) is not { } profile)
        {
            return StaffProblems.Invalid(input.Errors);
        }

        await profiles.PublishAsync(id, profile, StaffActor.Of(http), cancellationToken);
        return TypedResults.Ok(GroupView.Of((await store.FindAsync(id, cancellationToken))!));
    }

    private static async Task<Results<Created<GroupInvitation>, ProblemHttpResult>> InviteAsync(
        long id, GroupStore store, GroupInvitations invitations, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } group)
        {
            return NotFound(id);
        }

        var invitation = await invitations.InviteAsync(group, StaffActor.Of(http), cancellationToken);
        return TypedResults.Created($"/api/v1/groups/{id}", invitation);
    }

    private static ProblemHttpResult NotFound(long id) =>
        StaffProblems.Refused(StatusCodes.Status404NotFound, new($"団体 {id} はありません。", $"There is no group {id}."));
}
