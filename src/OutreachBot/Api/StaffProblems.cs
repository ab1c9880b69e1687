using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Api;

/// <summary>
/// RFC 9457 problem details from typed staff texts. The wire keeps "日本語 / English" in <c>title</c> and in each
/// field's <c>errors</c>, composed from the typed value, which clients already read; a refusal also gives the two
/// apart as the extensions <c>ja</c> and <c>en</c>, so nobody needs to split. Outside text (LINE's error) goes in
/// <c>detail</c>, whole.
/// </summary>
public static class StaffProblems
{
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, Bilingual[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.JaEn).ToArray()));
    }

    public static ProblemHttpResult Refused(int status, Bilingual title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var both = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["ja"] = title.Ja, ["en"] = title.En };
        return TypedResults.Problem(statusCode: status, title: title.JaEn, detail: detail, extensions: both);
    }
}
