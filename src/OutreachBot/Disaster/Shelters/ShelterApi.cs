using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Disaster.Shelters;

/// <summary>Staff API for the shelters the disaster menu shows: <c>/api/v1/shelters</c>.</summary>
public static class ShelterApi
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxCapacity = 100_000;

    public static RouteGroupBuilder MapShelterApi(this RouteGroupBuilder api)
    {
        var shelters = api.MapGroup("/shelters").WithTags("Shelters");
        shelters.MapGet("/", ListAsync).WithSummary("Every shelter: names per language, address, latitude and longitude, kind, capacity, open.");
        shelters.MapGet("/{id:long}", GetAsync).Refuses(404);
        shelters.MapPost("/", CreateAsync).ForEditors().WithSummary("Adds a shelter (names.ja required); open: true shows it in the disaster menu.");
        shelters.MapPut("/{id:long}", UpdateAsync).ForEditors().Refuses(404).WithSummary("Replaces a shelter; open: true or false opens or closes it.");
        shelters.MapDelete("/{id:long}", DeleteAsync).ForEditors().Refuses(404);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Shelter>>> ListAsync(ShelterStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<Shelter>, ProblemHttpResult>> GetAsync(long id, ShelterStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } shelter ? TypedResults.Ok(shelter) : NotFound(id);

    private static async Task<Results<Created<Shelter>, ValidationProblem>> CreateAsync(
        ShelterInput input, ShelterStore store, ShelterEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        var id = await editor.CreateAsync(draft!, StaffActor.Of(context), cancellationToken);
        return TypedResults.Created($"/api/v1/shelters/{id}", await store.FindAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<Shelter>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ShelterInput input, ShelterStore store, ShelterEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        return await editor.UpdateAsync(id, draft!, StaffActor.Of(context), cancellationToken)
            ? TypedResults.Ok(await store.FindAsync(id, cancellationToken))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ShelterEditor editor, HttpContext context, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(id, StaffActor.Of(context), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(long id) =>
        StaffProblems.Refused(StatusCodes.Status404NotFound, new($"避難所 {id} はありません。", $"No shelter {id}."));
}

/// <param name="Names">The name per language code; Japanese (ja) required, the others shown to citizens of that language.</param>
/// <param name="Kind"><c>designated-shelter</c> (指定避難所), <c>emergency-site</c> (指定緊急避難場所) or <c>welfare-shelter</c> (福祉避難所).</param>
/// <param name="Capacity">People it takes, if known.</param>
/// <param name="Open">Open now: shown in the disaster menu's 避難所.</param>
public sealed record ShelterInput(
    Dictionary<string, string?>? Names, string? Address, double? Latitude, double? Longitude, string? Kind, int? Capacity, bool? Open)
{
    public (ShelterDraft? Draft, Dictionary<string, Bilingual[]> Errors) ToDraft()
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var names = (Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!.Trim(), StringComparer.Ordinal);
        if (!names.ContainsKey(Languages.Japanese))
        {
            errors["names.ja"] = [new("日本語の名前を入力してください。", "Give the Japanese name.")];
        }

        foreach (var (language, name) in names)
        {
            if (!Languages.IsSupported(language))
            {
                errors[$"names.{language}"] = [new("対応していない言語です。", "Unsupported language.")];
            }
            else if (name.Length > ShelterApi.MaxNameLength)
            {
                errors[$"names.{language}"] = [new($"名前は{ShelterApi.MaxNameLength}文字までです。", $"A name takes at most {ShelterApi.MaxNameLength} characters.")];
            }
        }

        var address = Address?.Trim() ?? "";
        if (address.Length is 0 or > ShelterApi.MaxAddressLength)
        {
            errors["address"] = [new($"住所を1〜{ShelterApi.MaxAddressLength}文字で入力してください。", $"Give the address in 1 to {ShelterApi.MaxAddressLength} characters.")];
        }

        if (Latitude is not (>= -90 and <= 90))
        {
            errors["latitude"] = [new("緯度は -90〜90 の数です（例: 35.6812）。", "The latitude is a number from -90 to 90 (e.g. 35.6812).")];
        }

        if (Longitude is not (>= -180 and <= 180))
        {
            errors["longitude"] = [new("経度は -180〜180 の数です（例: 139.7671）。", "The longitude is a number from -180 to 180 (e.g. 139.7671).")];
        }

        if (Kind is null || !ShelterKinds.All.Contains(Kind))
        {
            errors["kind"] = [new($"種別を選んでください（{string.Join(", ", ShelterKinds.All)}）。", $"Choose the kind ({string.Join(", ", ShelterKinds.All)}).")];
        }

        if (Capacity is not null and (< 1 or > ShelterApi.MaxCapacity))
        {
            errors["capacity"] = [new($"収容人数は1〜{ShelterApi.MaxCapacity:N0}人です（わからなければ空欄）。", $"The capacity is 1 to {ShelterApi.MaxCapacity:N0} people (blank if unknown).")];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ShelterDraft(names, address, Latitude!.Value, Longitude!.Value, Kind!, Capacity, Open ?? false), errors);
    }
}
