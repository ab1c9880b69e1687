using System.Globalization;

namespace OutreachBot.Bench.Harness;

/// <summary><c>--name value</c> pairs after the benchmark's name.</summary>
public sealed class BenchArguments(IReadOnlyList<string> args)
{
    public double Number(string name, double fallback)
    {
        var value = Text(name);
        return value is null ? fallback : double.Parse(value, CultureInfo.InvariantCulture);
    }

    public string? Text(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--" + name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
