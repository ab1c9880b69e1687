namespace OutreachBot.Disaster.Shelters;

/// <summary>The great-circle distance between two points (haversine, on a sphere of the Earth's mean radius): metres, close enough to rank shelters.</summary>
public static class GeoDistance
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public static double Meters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var (lat1, lat2) = (Radians(latitude1), Radians(latitude2));
        var dLat = lat2 - lat1;
        var dLon = Radians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
