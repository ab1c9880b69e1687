using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Surveys;

public sealed class SurveysOptions
{
    public const string Section = "Surveys";

    /// <summary>A count smaller than this is hidden in results (every breakdown and CSV), so no cell reveals an individual.</summary>
    [Range(1, 1000)]
    public int MinCellSize { get; set; } = 5;
}
