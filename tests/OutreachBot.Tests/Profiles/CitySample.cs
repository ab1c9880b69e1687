using System.Globalization;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Profiles;

/// <summary>
/// A small city's lists, written as rows: 北部 with twelve districts (more than one page of quick replies), 南部 with one,
/// the skills 料理, 園芸 and 通訳 (English names beside), and 大工 retired.
/// </summary>
public static class CitySample
{
    public static readonly IReadOnlyList<string> North = [.. Enumerable.Range(1, 12).Select(i => $"北部第{i}小学校区")];

    public const string South = "南部小学校区";

    public static async Task SeedAsync(TestDatabase database)
    {
        var districts = string.Join(", ", North.Select(d => $"((SELECT id FROM city_areas WHERE name = '北部'), '{d}')"));
        await database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $$"""
            INSERT INTO city_areas (name, names) VALUES ('北部', '{"en":"North"}'), ('南部', NULL);
            INSERT INTO city_districts (area_id, name) VALUES {{districts}}, ((SELECT id FROM city_areas WHERE name = '南部'), '{{South}}');
            INSERT INTO city_skills (slug, name, names) VALUES ('cooking', '料理', '{"en":"Cooking"}'), ('gardening', '園芸', NULL), ('interpreting', '通訳', NULL);
            INSERT INTO city_skills (slug, name, retired_at) VALUES ('carpentry', '大工', 1000);
            """));
    }

    public static Task<long> IdAsync(TestDatabase database, string table, string name) =>
        database.ScalarAsync<long>($"SELECT id FROM {table} WHERE name = '{name}'");
}
