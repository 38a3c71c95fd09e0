using System.Globalization;
using BenchmarkDotNet.Running;

namespace InstructorBot.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*'; <c>-- --smoke</c> runs each engine benchmark once at
/// a small size (BENCH_ROWS, default 2,000) to check its setup, without measuring (see <see cref="EngineBenchmarks"/>).
/// </summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        if (args is ["--smoke"])
        {
            var rows = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROWS") ?? "2000", CultureInfo.InvariantCulture);
            foreach (var line in EngineBenchmarks.SmokeAsync(rows).GetAwaiter().GetResult())
            {
                Console.WriteLine(line);
            }

            return;
        }

        if (args is ["--ask-timing"])
        {
            foreach (var line in AskTiming.Run())
            {
                Console.WriteLine(line);
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
