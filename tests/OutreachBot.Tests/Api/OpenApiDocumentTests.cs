using System.Globalization;
using System.Text.Json;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> states every response a staff API handler can give, each with its schema, and no other,
/// so a client generated from it knows the bodies of success and of failure. An operation added to the API, or a
/// handler whose results change, fails here until this table says what it answers.
/// </summary>
public sealed class OpenApiDocumentTests() : BotHost("Sqlite")
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The statuses each handler returns itself; 401 and 403 come from the group and are checked for all.</summary>
    public static readonly IReadOnlyDictionary<string, int[]> Responses = new Dictionary<string, int[]>
    {
        ["GET /api/v1/inbox/parked"] = [200],
        ["POST /api/v1/inbox/parked/{id}/retry"] = [202, 404],
        ["GET /api/v1/topics"] = [200],
        ["POST /api/v1/topics"] = [201, 400, 409],
        ["GET /api/v1/topics/{slug}"] = [200, 404],
        ["PUT /api/v1/topics/{slug}"] = [200, 400, 404],
        ["GET /api/v1/stats/subscribers"] = [200, 400],
        ["GET /api/v1/mail-subscribers"] = [200, 400],
        ["DELETE /api/v1/mail-subscribers/{id}"] = [204, 404],
        ["GET /api/v1/events"] = [200],
        ["POST /api/v1/events"] = [201, 400],
        ["GET /api/v1/events/{id}"] = [200, 404],
        ["PUT /api/v1/events/{id}"] = [200, 400, 404],
        ["GET /api/v1/events/{id}/applications"] = [200, 404],
        ["POST /api/v1/events/{id}/applications"] = [201, 400, 404, 409],
        ["POST /api/v1/events/{id}/applications/{number}/attended"] = [200, 404],
        ["GET /api/v1/events/{id}/stats"] = [200, 404],
        ["GET /api/v1/stats/events"] = [200, 400],
        ["GET /api/v1/faq"] = [200],
        ["POST /api/v1/faq"] = [201, 400],
        ["GET /api/v1/faq/{id}"] = [200, 404],
        ["PUT /api/v1/faq/{id}"] = [200, 400, 404],
        ["GET /api/v1/consultations"] = [200, 400],
        ["GET /api/v1/consultations/{id}"] = [200, 404],
        ["POST /api/v1/consultations/{id}/answer"] = [200, 400, 404, 409, 502],
        ["GET /api/v1/city-lists"] = [200],
        ["GET /api/v1/broadcasts"] = [200],
        ["POST /api/v1/broadcasts"] = [201, 400, 409],
        ["POST /api/v1/broadcasts/preview"] = [200, 400],
        ["GET /api/v1/broadcasts/{id}"] = [200, 404],
        ["PUT /api/v1/broadcasts/{id}"] = [200, 400, 404, 409],
        ["POST /api/v1/broadcasts/{id}/submit"] = [200, 409],
        ["POST /api/v1/broadcasts/{id}/approve"] = [200, 400, 403, 404, 409, 428],
        ["POST /api/v1/broadcasts/{id}/sendback"] = [200, 400, 403, 404, 409],
        ["POST /api/v1/broadcasts/{id}/cancel"] = [200, 404, 409],
        ["POST /api/v1/broadcasts/{id}/force"] = [200, 403, 409],
        ["POST /api/v1/broadcasts/{id}/test"] = [200, 400, 404, 502],
        ["GET /api/v1/broadcasts/{id}/preview"] = [200, 404],
        ["POST /api/v1/broadcasts/{id}/social/{channel}/decide"] = [200, 404, 409],
        ["POST /api/v1/broadcasts/{id}/social/{channel}/edit"] = [200, 400, 404, 409, 502],
        ["DELETE /api/v1/broadcasts/{id}/social/{channel}"] = [200, 404, 409, 502],
        ["GET /api/v1/disaster-mode"] = [200],
        ["GET /api/v1/disaster-mode/safety"] = [200],
        ["PUT /api/v1/disaster-mode"] = [200, 202, 400, 409],
        ["POST /api/v1/disaster-mode/safety/{userId}/handled"] = [204, 404],
        ["GET /api/v1/disaster-templates"] = [200],
        ["POST /api/v1/disaster-templates"] = [201, 400],
        ["GET /api/v1/disaster-templates/{id}"] = [200, 404],
        ["PUT /api/v1/disaster-templates/{id}"] = [200, 400, 404],
        ["DELETE /api/v1/disaster-templates/{id}"] = [204, 404],
        ["GET /api/v1/shelters"] = [200],
        ["POST /api/v1/shelters"] = [201, 400],
        ["GET /api/v1/shelters/{id}"] = [200, 404],
        ["PUT /api/v1/shelters/{id}"] = [200, 400, 404],
        ["DELETE /api/v1/shelters/{id}"] = [204, 404],
        ["GET /api/v1/groups"] = [200],
        ["POST /api/v1/groups"] = [201, 400],
        ["GET /api/v1/groups/{id}"] = [200, 404],
        ["PUT /api/v1/groups/{id}"] = [200, 400, 404],
        ["POST /api/v1/groups/{id}/invitations"] = [201, 404],
        ["GET /api/v1/surveys"] = [200],
        ["POST /api/v1/surveys"] = [201, 400],
        ["GET /api/v1/surveys/{id}"] = [200, 404],
        ["PUT /api/v1/surveys/{id}"] = [200, 400, 404, 409],
        ["POST /api/v1/surveys/{id}/close"] = [200, 404, 409],
        ["POST /api/v1/surveys/{id}/send"] = [201, 400, 404, 409],
        ["GET /api/v1/surveys/{id}/results"] = [200, 404],
        ["GET /api/v1/surveys/{id}/results.csv"] = [200, 404],
    };

    [Fact]
    public async Task Document_Operations_AreExactlyTheTable()
    {
        var operations = (await OperationsAsync()).Keys.Order(StringComparer.Ordinal);

        Assert.Equal(Responses.Keys.Order(StringComparer.Ordinal), operations);
    }

    [Fact]
    public async Task Document_EveryStatusAHandlerReturns_IsStatedWithItsSchema()
    {
        var missing = new List<string>();
        foreach (var (operation, responses) in await OperationsAsync())
        {
            foreach (var status in Responses.GetValueOrDefault(operation, []).Append(401).Append(403))
            {
                if (Problem(responses, status) is { } problem)
                {
                    missing.Add($"{operation} {status}: {problem}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Document_EveryOperation_StatesNoStatusItsHandlerCannotReturn()
    {
        var extra = new List<string>();
        foreach (var (operation, responses) in await OperationsAsync())
        {
            var returned = Responses.GetValueOrDefault(operation, []).Append(401).Append(403).Select(s => s.ToString(CultureInfo.InvariantCulture));
            extra.AddRange(responses.EnumerateObject().Select(r => r.Name).Except(returned).Select(status => $"{operation} {status}"));
        }

        Assert.Empty(extra);
    }

    [Fact]
    public async Task Document_NoOperation_StatesOnlyABare200()
    {
        var bare = (await OperationsAsync())
            .Where(o => o.Value.TryGetProperty("200", out var ok) && SchemaOf(ok) is null)
            .Select(o => o.Key);

        Assert.Empty(bare);
    }

    /// <summary>Why the document's answer for <paramref name="status"/> falls short, or null when it is stated in full.</summary>
    private static string? Problem(JsonElement responses, int status)
    {
        if (!responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response))
        {
            return "not stated";
        }

        if (status is 202 or 204)
        {
            return null;
        }

        if (SchemaOf(response) is null)
        {
            return "no schema";
        }

        return status >= 400 && !response.GetProperty("content").TryGetProperty(ProblemJson, out _) ? $"not {ProblemJson}" : null;
    }

    private static JsonElement? SchemaOf(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Select(c => c.Value).FirstOrDefault(c => c.TryGetProperty("schema", out _)) is { ValueKind: JsonValueKind.Object } media
            ? media.GetProperty("schema")
            : null;

    /// <summary>Every operation under /api/v1 as "METHOD /path" (without a trailing slash), with its responses.</summary>
    private async Task<Dictionary<string, JsonElement>> OperationsAsync()
    {
        using var client = Bot.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new Dictionary<string, JsonElement>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("responses", out _)))
            {
                var key = $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}";
                operations.Add(key, operation.Value.GetProperty("responses").Clone());
            }
        }

        return operations;
    }
}
