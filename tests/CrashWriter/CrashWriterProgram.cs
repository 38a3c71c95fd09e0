using System.Globalization;
using System.Text;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using LiteDB;

namespace InstructorBot.CrashWriter;

/// <summary>The two halves of the crash test: a writer that gets killed, and a verifier that reopens the file.</summary>
public static class CrashWriterProgram
{
    private const int Units = 20;
    private const int Concurrency = 16;
    private static readonly DateOnly Day = new(2026, 11, 17);

    public static async Task<int> WriteAsync(string databasePath, int? dieAfter)
    {
        using var store = InstructorStore.Open(databasePath);
        if (store.Organizations().Count == 0)
        {
            var ledger = databasePath + ".ledger.csv";
            var text = new StringBuilder("序号,单位名称,单位类型,所在区,所在街道,所在社区,职工人数,党员人数\n");
            for (var i = 1; i <= Units; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i},压测单位{i},非公企业,测试区,测试街道,测试社区,100,0\n");
            }

            await File.WriteAllTextAsync(ledger, text.ToString());
            var report = await store.ImportLedgerAsync(ledger);
            if (!report.Succeeded)
            {
                Console.Error.WriteLine(report.Describe());
                return 1;
            }
        }

        var ids = store.Organizations().Select(o => o.Id).ToArray();
        var run = Guid.NewGuid().ToString("N")[..8];
        var output = Console.Out;
        var gate = new Lock();
        var sequence = 0;
        var acknowledged = 0;
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref sequence);
                var organization = ids[n % ids.Length];
                var combined = n % 2 == 0;
                var tag = $"{(combined ? "c" : "v")}-{run}-{n}";
                var visit = new Visit { OrganizationId = organization, Date = Day, Note = tag };
                RecordRequest[] records = combined
                    ? [visit, new MemberDiscovery { OrganizationId = organization, Date = Day, Count = 1 }]
                    : [visit];
                await store.RecordAsync("crash", records);
                lock (gate)
                {
                    output.Write($"ack {tag} end\n");
                    output.Flush();
                    if (++acknowledged == dieAfter)
                    {
                        // SIGKILL on Linux: no finalizers, no flush, exactly like kill -9.
                        System.Diagnostics.Process.GetCurrentProcess().Kill();
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return 0;
    }

    public static int Verify(string databasePath, string acksFile)
    {
        var acknowledged = File.ReadLines(acksFile)
            .Select(line => line.Split(' '))
            .Where(parts => parts is ["ack", _, "end"])
            .Select(parts => parts[1])
            .ToHashSet(StringComparer.Ordinal);
        using var store = InstructorStore.Open(databasePath);
        var visits = store.Visits(Jurisdiction.Everywhere, DateOnly.MinValue, DateOnly.MaxValue);
        var stored = visits.Select(v => v.Note ?? "").ToHashSet(StringComparer.Ordinal);
        var missing = acknowledged.Where(tag => !stored.Contains(tag)).ToArray();
        var discoveries = store.MemberDiscoveries(Jurisdiction.Everywhere, DateOnly.MinValue, DateOnly.MaxValue);
        var problems = new List<string>();
        if (missing.Length > 0)
        {
            problems.Add($"{missing.Length} acknowledged writes missing, e.g. {string.Join(", ", missing.Take(5))}");
        }

        // Atomicity: each combined write stored its visit and its discovery together, and the discovery's effect.
        var combinedVisits = visits.Count(v => v.Note?.StartsWith("c-", StringComparison.Ordinal) == true);
        if (combinedVisits != discoveries.Count)
        {
            problems.Add($"{combinedVisits} combined visits but {discoveries.Count} discoveries");
        }

        var members = store.Organizations().Sum(o => o.PartyMembers);
        if (members != discoveries.Count)
        {
            problems.Add($"party members {members} != discoveries {discoveries.Count}");
        }

        problems.AddRange(store.Read(IndexProblems));
        Console.WriteLine(
            $"crash verify: acknowledged={acknowledged.Count} stored_visits={visits.Count} discoveries={discoveries.Count} " +
            $"organizations={store.Organizations().Count} problems={problems.Count}");
        foreach (var problem in problems)
        {
            Console.WriteLine("  PROBLEM: " + problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Every index, walked in full, finds exactly the documents a full scan finds.</summary>
    private static List<string> IndexProblems(ILiteDatabase db)
    {
        var problems = new List<string>();
        foreach (var name in db.GetCollectionNames())
        {
            var collection = db.GetCollection(name);
            var scan = collection.Find(LiteDB.Query.All()).Select(d => d["_id"].ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            foreach (var index in db.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", name)))
            {
                var indexName = index["name"].AsString;
                if (indexName == "_id")
                {
                    continue;
                }

                var viaIndex = collection.Find(LiteDB.Query.All(index["expression"].AsString))
                    .Select(d => d["_id"].ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
                if (!scan.SequenceEqual(viaIndex))
                {
                    problems.Add($"index {name}.{indexName}: {viaIndex.Length} via index, {scan.Length} by scan");
                }
            }
        }

        return problems;
    }
}
