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

        if (args is ["--profile-understanding", var seconds])
        {
            // A loop for a sampling profiler (dotnet-trace): not a measurement; BenchmarkDotNet gives the figures.
            var bench = new UnderstandingBenchmarks();
            bench.Setup();
            bench.DevSetHundredThousandOrganizationsWithSecondOpinion(); // first use loads jieba's dictionary and the model
            var until = DateTime.UtcNow.AddSeconds(int.Parse(seconds, CultureInfo.InvariantCulture));
            var rounds = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var pause = GC.GetTotalPauseDuration();
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            while (DateTime.UtcNow < until)
            {
                bench.DevSetHundredThousandOrganizationsWithSecondOpinion();
                rounds++;
            }

            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            pause = GC.GetTotalPauseDuration() - pause;
            var messages = rounds * 50.0;
            Console.WriteLine($"{rounds} rounds, {clock.Elapsed.TotalMicroseconds / messages:F1} us per message, {cpu.TotalMicroseconds / messages:F1} us of processor time, {allocated / 1024.0 / messages:F1} KB allocated per message");
            // Collections are counted, not timed: their pause is wall time, which the machine's load inflates.
            Console.WriteLine($"collections per 1,000 messages: gen0 {(GC.CollectionCount(0) - collections[0]) * 1000 / messages:F2}, gen1 {(GC.CollectionCount(1) - collections[1]) * 1000 / messages:F2}, gen2 {(GC.CollectionCount(2) - collections[2]) * 1000 / messages:F2}; pause {pause.TotalMicroseconds / messages:F1} us per message");
            return;
        }

        if (args is ["--profile-ask", var askSeconds, .. var rest])
        {
            var documents = rest is [var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 0;
            foreach (var line in AskProfile.Run(int.Parse(askSeconds, CultureInfo.InvariantCulture), documents))
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
