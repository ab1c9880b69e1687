using System.Data;
using Dapper;

namespace OutreachBot.Storage;

/// <summary>
/// Keeps times as Unix milliseconds (BIGINT / INTEGER, UTC) in both dialects while the domain speaks
/// <see cref="DateTimeOffset"/>. Dapper calls this per value, boxing the long it reads; the hottest internal rows keep
/// raw longs instead.
/// </summary>
public sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // Dapper's default map sends DateTimeOffset parameters as DbType.DateTimeOffset and never asks a handler
        // (DapperLib/Dapper#1780), so the map goes first. The handler also serves DateTimeOffset?.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
        return true;
    });

    public static void Register() => _ = Registered.Value;

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value is long milliseconds ? milliseconds : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}
