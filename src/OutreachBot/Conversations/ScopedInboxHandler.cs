using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

/// <summary>
/// The inbox processor is a singleton; the conversation uses the LINE client, a typed HttpClient that must not live
/// as long as that. So each event gets a DI scope of its own and a fresh <typeparamref name="THandler"/>.
/// </summary>
internal sealed class ScopedInboxHandler<THandler>(IServiceScopeFactory scopes) : IInboxHandler
    where THandler : IInboxHandler
{
    public async Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(inboxEvent, cancellationToken);
    }
}
