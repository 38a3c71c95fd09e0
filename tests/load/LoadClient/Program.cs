using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

// Two phases around a running bot (see run-load.sh):
//   setup  DB LEDGER USERS            imports the fixtures and binds Bot Framework identities (before the bot starts)
//   run    URL DB SECONDS COUNT CONCURRENCY [BOT-PID] [RATE]
//          posts messages, prints figures (and the bot's CPU per message), writes the acknowledged count. Without RATE
//          (or 0) it is closed-loop: CONCURRENCY senders each post, wait for the reply, post again (the bot's saturation
//          throughput; latency there is mostly queueing). With RATE it is open-loop: messages are sent at RATE per second
//          on a fixed schedule whatever the replies do, up to CONCURRENCY in flight, and each latency is counted from the
//          moment the message was due, not sent, so a stall shows in the figures (no coordinated omission).
//   verify DB ACKNOWLEDGED_FILE        (after the bot stops) checks every acknowledged record is in the store
var culture = CultureInfo.InvariantCulture;
switch (args.ElementAtOrDefault(0))
{
    case "setup":
    {
        using var store = InstructorStore.Open(args[1]);
        await store.ImportLedgerAsync(args[2]);
        await store.ImportUsersAsync(args[3]);
        foreach (var user in store.Users().Where(u => u.Role == UserRole.Instructor))
        {
            var identities = Enumerable.Range(0, 64).Select(i => new ChannelIdentity("botframework", $"load-{user.Id}-{i}"));
            await store.SaveUserAsync(user with { ChannelIdentities = [.. user.ChannelIdentities, .. identities] });
        }

        var plan = store.Users().Where(u => u.Role == UserRole.Instructor)
            .SelectMany(u => store.OrganizationsIn(u.Jurisdiction).Select(o => $"{u.Id}\t{o.Name}"));
        await File.WriteAllLinesAsync(args[1] + ".plan", plan);
        Console.WriteLine($"setup: {store.Organizations().Count} organisations, {store.Users().Count} users");
        return 0;
    }

    case "run":
    {
        var baseUrl = new Uri(args[1]);
        var plan = (await File.ReadAllLinesAsync(args[2] + ".plan")).Select(l => l.Split('\t')).ToArray();
        var seconds = int.Parse(args[3], culture);
        var count = int.Parse(args[4], culture);
        var concurrency = int.Parse(args[5], culture);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseUrl };
        var latencies = new double[count];
        var acknowledged = 0;
        var failed = 0;
        var next = -1;
        var deadline = Stopwatch.StartNew();

        // Warm-up (LOAD_WARMUP messages, default 3,000, from 16 senders): the JIT's tiers settle, the first index build,
        // connections. Not measured; its recorded visits count as acknowledged too.
        var warmup = int.Parse(Environment.GetEnvironmentVariable("LOAD_WARMUP") ?? "3000", culture);
        var warmed = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async worker =>
        {
            for (var i = Interlocked.Increment(ref warmed); i < warmup; i = Interlocked.Increment(ref warmed))
            {
                var row = plan[i % plan.Length];
                var reply = await PostAsync(http, Message($"warm-{i}", $"load-{row[0]}-{worker}", i % 5 == 4 ? "帮助" : $"今天走访了{row[1]}"));
                if (reply?.StartsWith("已记录：", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref acknowledged);
                }
            }
        }));

        // The bot's CPU time (user + system) over the measured part: on a shared machine wall-clock figures swing
        // with the other processes, CPU per message much less; 2 cores / (CPU per message) bounds the throughput.
        var botProcess = args.Length > 6 ? int.Parse(args[6], culture) : (int?)null;
        var cpuBefore = BotCpuSeconds(botProcess);
        var rate = args.Length > 7 ? double.Parse(args[7], culture) : 0;
        deadline.Restart();
        var clock = Stopwatch.StartNew();
        async Task Send(int n, string sender, long due)
        {
            // 4 in 5 are visit reports.
            var (userId, organization) = (plan[n % plan.Length][0], plan[n % plan.Length][1]);
            var text = n % 5 == 4 ? "帮助" : $"今天走访了{organization}";
            var reply = await PostAsync(http, Message($"msg-{n}", $"load-{userId}-{sender}", text));
            latencies[n] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            if (reply is null)
            {
                Interlocked.Increment(ref failed);
            }
            // A recording's answer starts "已记录："; the failure text ("…处理出错，已记录，…") only says the error was logged.
            else if (reply.StartsWith("已记录：", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref acknowledged);
            }
        }

        Task[] workers;
        if (rate > 0)
        {
            // Open loop: a pacing thread starts every message that is due (checked every millisecond); a sender
            // identity (one of 64 per instructor) comes round again only every 64 messages, so one person's turns rarely overlap.
            var inFlight = new List<Task>(count);
            var started = Stopwatch.GetTimestamp();
            var ticksPerMessage = Stopwatch.Frequency / rate;
            var pacing = new Thread(() =>
            {
                for (var n = 0; n < count;)
                {
                    var now = Stopwatch.GetTimestamp();
                    if ((now - started) / (double)Stopwatch.Frequency >= seconds)
                    {
                        break;
                    }

                    for (; n < count && started + (long)(n * ticksPerMessage) <= now; n++)
                    {
                        var (message, due) = (n, started + (long)(n * ticksPerMessage));
                        Interlocked.Exchange(ref next, n + 1);
                        lock (inFlight)
                        {
                            inFlight.Add(Task.Run(() => Send(message, (message % 64).ToString(culture), due)));
                        }
                    }

                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            pacing.Start();
            pacing.Join();
            lock (inFlight)
            {
                workers = [.. inFlight];
            }
        }
        else
        {
            workers = [.. Enumerable.Range(0, concurrency).Select(async worker =>
            {
                while (deadline.Elapsed.TotalSeconds < seconds)
                {
                    var n = Interlocked.Increment(ref next);
                    if (n >= count)
                    {
                        return;
                    }

                    // Each worker speaks as its own channel identity (a person sends one message at a time).
                    await Send(n, (worker % 64).ToString(culture), Stopwatch.GetTimestamp());
                }
            })];
        }

        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = Math.Min(count, next);
        var sorted = latencies.Take(done).Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(culture, $"warm-up: {warmup} messages (not measured)"));
        Console.WriteLine(string.Create(culture,
            $"messages: {done} in {elapsed:0.00} s = {done / elapsed:0} msg/s; {(rate > 0 ? $"open loop at {rate:0} msg/s, at most {concurrency} in flight" : $"closed loop, {concurrency} senders")}; failed {failed}; recorded (acknowledged) {acknowledged}"));
        Console.WriteLine(string.Create(culture,
            $"latency ms: p50 {Percentile(0.50):0.0}, p90 {Percentile(0.90):0.0}, p99 {Percentile(0.99):0.0}, max {sorted.LastOrDefault():0.0}"));
        if (botProcess is not null)
        {
            var cpu = BotCpuSeconds(botProcess) - cpuBefore;
            Console.WriteLine(string.Create(culture, $"bot CPU: {cpu:0.00} s = {1000 * cpu / Math.Max(1, done):0.00} ms per message"));
        }

        await File.WriteAllTextAsync(args[2] + ".acknowledged", acknowledged.ToString(culture));
        return failed == 0 ? 0 : 1;
    }

    case "verify":
    {
        using var store = InstructorStore.Open(args[1]);
        var acknowledged = int.Parse(await File.ReadAllTextAsync(args[1] + ".acknowledged"), culture);
        var visits = store.Users().Sum(u => store.RecordsBy(u.Id).OfType<Visit>().Count());
        Console.WriteLine($"verify: acknowledged {acknowledged}, visits in the store {visits}");
        return visits == acknowledged ? 0 : 1;
    }

    default:
        Console.Error.WriteLine("usage: setup DB LEDGER USERS | run URL DB SECONDS COUNT CONCURRENCY | verify DB");
        return 2;
}

// utime + stime of a process, from /proc (clock ticks of 1/100 s on Linux).
static double BotCpuSeconds(int? process)
{
    if (process is null)
    {
        return 0;
    }

    var stat = File.ReadAllText($"/proc/{process}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static JsonObject Message(string id, string from, string text) => new()
{
    ["type"] = "message",
    ["id"] = id,
    ["serviceUrl"] = "http://127.0.0.1:9/",
    ["channelId"] = "emulator",
    ["from"] = new JsonObject { ["id"] = from },
    ["recipient"] = new JsonObject { ["id"] = "bot" },
    ["conversation"] = new JsonObject { ["id"] = $"conv-{from}" },
    ["text"] = text,
    ["deliveryMode"] = "expectReplies",
};

static async Task<string?> PostAsync(HttpClient http, JsonObject activity)
{
    try
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", body!["activities"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
    }
    catch (HttpRequestException)
    {
        return null;
    }
}
