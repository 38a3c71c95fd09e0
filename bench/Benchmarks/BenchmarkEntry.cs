using BenchmarkDotNet.Running;

namespace InstructorBot.Benchmarks;

/// <summary>dotnet run -c Release --project bench/Benchmarks -- --filter '*'</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
