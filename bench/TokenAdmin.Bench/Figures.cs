using System.Diagnostics;
using System.Globalization;

namespace TokenAdmin.Bench;

/// <summary>Timings of repeated runs, and the machine-readable lines bench/run.sh copies into results.md.</summary>
public static class Figures
{
    public static async Task<Sample> TimeAsync(int runs, Func<int, Task> run)
    {
        var milliseconds = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(i);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Sample(milliseconds);
    }

    /// <summary>One line: <c>METRIC name value unit</c>, then a free-text note.</summary>
    public static void Report(string name, double value, string unit, string note = "") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"METRIC {name} {value:0.###} {unit} {note}")
            .TrimEnd());

    public static void Report(string name, Sample sample, string note = "")
    {
        Report($"{name}_median", sample.Median, "ms", note);
        Report($"{name}_p95", sample.Percentile(95), "ms", $"n={sample.Count}");
    }

    public static void Note(string text) => Console.WriteLine($"NOTE {text}");
}

public sealed class Sample(IEnumerable<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double Percentile(int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * _sorted.Length) - 1;
        return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)];
    }
}
