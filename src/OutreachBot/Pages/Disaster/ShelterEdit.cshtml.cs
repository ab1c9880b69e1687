using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OutreachBot.Disaster.Shelters;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Disaster;

/// <summary>Adds a shelter (no id in the route) or edits one, with the API's rules.</summary>
public sealed class ShelterEditModel(ShelterStore shelters, ShelterEditor editor) : ConsolePage
{
    public long? Id => RouteData.Values["id"] is string id ? long.Parse(id, CultureInfo.InvariantCulture) : null;

    public bool IsNew => Id is null;

    [BindProperty]
    public ShelterForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (await shelters.FindAsync(Id!.Value, HttpContext.RequestAborted) is not { } shelter)
        {
            return NotFound();
        }

        Input = ShelterForm.Of(shelter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancel = HttpContext.RequestAborted;
        if (!await CanAsync(ConsolePolicies.Edit))
        {
            return Forbid();
        }

        if (!IsNew && await shelters.FindAsync(Id!.Value, cancel) is null)
        {
            return NotFound();
        }

        var (draft, errors) = Input.ToInput().ToDraft();
        AddErrors(errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var actor = StaffActor.Of(HttpContext);
        if (IsNew)
        {
            await editor.CreateAsync(draft!, actor, cancel);
        }
        else
        {
            await editor.UpdateAsync(Id!.Value, draft!, actor, cancel);
        }

        Notice = ConsoleText.S("避難所を保存しました。", "The shelter was saved.");
        return Redirect("/console/disaster/shelters");
    }
}

/// <summary>The shelter form as typed (numbers as text, so that what was typed stays on an error).</summary>
public sealed class ShelterForm
{
    public Dictionary<string, string?> Names { get; set; } = [];

    public string? Address { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public string? Kind { get; set; } = ShelterKinds.Designated;

    public string? Capacity { get; set; }

    public bool Open { get; set; }

    public static ShelterForm Of(Shelter shelter) => new()
    {
        Names = shelter.Names.ToDictionary(n => n.Key, n => (string?)n.Value),
        Address = shelter.Address,
        Latitude = shelter.Latitude.ToString(CultureInfo.InvariantCulture),
        Longitude = shelter.Longitude.ToString(CultureInfo.InvariantCulture),
        Kind = shelter.Kind,
        Capacity = shelter.Capacity?.ToString(CultureInfo.InvariantCulture),
        Open = shelter.Open,
    };

    /// <summary>A number that does not read as one goes on as out of range, so that the field's own message names it.</summary>
    public ShelterInput ToInput() => new(
        Names, Address, Number(Latitude), Number(Longitude), Kind,
        string.IsNullOrWhiteSpace(Capacity) ? null : int.TryParse(Capacity.Trim(), CultureInfo.InvariantCulture, out var capacity) ? capacity : -1,
        Open);

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
