using System.Text.Encodings.Web;
using System.Text.Json;

namespace OutreachBot.Privacy;

/// <summary>
/// Staff acting on a citizen's request (開示・削除請求): the citizen's data as a UTF-8 JSON file, or its erasure, each
/// audited with the LINE user id it concerned (the record that the request was answered).
/// </summary>
public sealed class CitizenDataRequests(CitizenDataReader reader, PersonalDataEraser eraser, Database database, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What the console shows before staff choose: whether the office knows the id, and how much it holds.</summary>
    public Task<CitizenData?> FindAsync(string userId, CancellationToken cancellationToken) =>
        reader.ReadAsync(userId, Languages.Japanese, cancellationToken);

    /// <summary>The file to hand over, or null when the office holds nothing about <paramref name="userId"/>.</summary>
    public async Task<byte[]?> DiscloseAsync(string userId, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(userId, Languages.Japanese, cancellationToken) is not { } data)
        {
            return null;
        }

        await audit.WriteAsync(actor, AuditActions.CitizenDataDisclosed, userId, null, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }

    /// <summary>False when the office holds nothing about <paramref name="userId"/>.</summary>
    public async Task<bool> EraseAsync(string userId, StaffActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await eraser.EraseAsync(connection, transaction, userId, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(connection, transaction, actor, AuditActions.CitizenDataErased, userId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
