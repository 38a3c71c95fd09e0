using System.Text;

namespace InstructorBot.Bot.Cli;

/// <summary>The command line (shared/contracts/CLI.md): one executable, one verb per run; <c>serve</c> is the default.</summary>
public static class CliApp
{
    private static readonly Dictionary<string, Func<ICliVerb>> Verbs = new(StringComparer.Ordinal)
    {
        ["chat"] = () => new ChatVerb(),
        ["import"] = () => new ImportVerb(),
        ["index"] = () => new IndexVerb(),
        ["understand"] = () => new UnderstandVerb(),
        ["ask"] = () => new AskVerb(),
        ["report"] = () => new ReportVerb(),
        ["export"] = () => new ExportVerb(),
        ["backup"] = () => new BackupVerb(),
        ["users"] = () => new UsersVerb(),
    };

    public static bool IsVerb(string word) => word == "serve" || Verbs.ContainsKey(word);

    /// <summary>True when the arguments name a verb other than <c>serve</c>.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>Turns <c>serve --db X --corpus Y</c> into host configuration arguments.</summary>
    public static string[] HostArgs(string[] args)
    {
        var parsed = CliArgs.Parse(args);
        var host = new List<string>();
        if (parsed.Option("--db") is { } db)
        {
            host.Add($"--Store:Path={db}");
        }

        if (parsed.Option("--corpus") is { } corpus)
        {
            host.Add($"--Knowledge:Corpus={corpus}");
        }

        if (parsed.Option("--urls") is { } urls)
        {
            host.Add($"--urls={urls}");
        }

        // Anything else given as --Key=Value is host configuration already.
        host.AddRange(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')));
        return [.. host];
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (output is null)
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
        }

        output ??= Console.Out;
        error ??= Console.Error;
        var parsed = CliArgs.Parse(args);
        if (!Verbs.TryGetValue(parsed.Verb, out var create))
        {
            await error.WriteLineAsync($"错误：未知的命令 {parsed.Verb}（unknown verb {parsed.Verb}）");
            return 2;
        }

        try
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            return await create().RunAsync(new CliContext(parsed, output, error), cancel.Token);
        }
        catch (CliException failure)
        {
            await error.WriteLineAsync($"错误：{failure.Chinese}（{failure.English}）");
            return failure.ExitCode;
        }
#pragma warning disable CA1031 // A verb must never print a stack trace: the type is enough to report a bug.
        catch (Exception bug)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"错误：内部错误，请联系管理员（internal error: {bug.GetType().Name}: {bug.Message}）");
            return 1;
        }
    }
}
