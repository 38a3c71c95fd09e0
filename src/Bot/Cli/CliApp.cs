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
        ["migrate"] = () => new MigrateVerb(),
        ["users"] = () => new UsersVerb(),
        ["demo"] = () => new DemoVerb(),
    };

    public static bool IsVerb(string word) => word == "serve" || Verbs.ContainsKey(word);

    /// <summary>Every verb the command line runs, <c>serve</c> first (the help test checks <see cref="Usage"/> names each).</summary>
    public static IReadOnlyList<string> VerbNames => ["serve", .. Verbs.Keys];

    /// <summary>
    /// True when the arguments start the web host: none, <c>serve</c>, or only host options (<c>--db X</c>,
    /// <c>--Key=Value</c>). Help and anything that looks like a mistyped verb go to <see cref="RunAsync"/> instead,
    /// so <c>InstructorBot --help</c> prints the verbs rather than starting a server.
    /// </summary>
    public static bool StartsHost(string[] args) =>
        args.Length == 0
        || args[0] == "serve"
        || (args[0].StartsWith("--", StringComparison.Ordinal) && !IsHelp(args[0]));

    private static bool IsHelp(string word) => word is "help" or "--help" or "-h" or "-?";

    /// <summary>The verbs, one a line, in Chinese.</summary>
    public const string Usage = """
        用法：InstructorBot [命令] [选项]
          serve（默认）                     启动服务：网页聊天 /、各渠道接口、健康检查 /healthz、就绪检查 /readyz
          chat --user ID                    在终端里以 ID 的身份对话，一行一条消息
          import --ledger FILE | --users FILE  导入台账（.csv/.xlsx）或用户
          index FILE_OR_DIR...              把文件（.txt .md .docx .pdf）加入知识索引
          understand --user ID --now 时间 文本 | --batch FILE   查看机器人如何理解消息（JSON，不写入；--engine rules|llm）
          ask --user ID 问题 | --batch FILE  依据已索引的文件回答问题（JSON；--engine rules|llm）
          report --scope 名称 --json         区、街道或社区的进度数据
          report --scope 名称 --month YYYY-MM --out FILE.xlsx  月度进展报表
          export --scope 名称 --out FILE.xlsx  导出台账
          backup --out FILE                 在服务运行时备份数据库
          migrate --from FILE.db --to 连接字符串  把 LiteDB 数据库复制到 PostgreSQL 并校验
          users code --user ID [--minutes N]  生成一次性登录/绑定码
          users bind --user ID --channel C --id X  把渠道账号绑定到用户
          demo remove                       删除首次启动时创建的演示数据（虚构的台账和用户）
        每个命令都接受 --db FILE（LiteDB 数据库文件）。服务运行时，import、index、users、demo 经由运行中的服务执行，
        report、export 读取服务生成的一致副本。
        设置环境变量 Store__Engine=postgres 和 Store__ConnectionString 后，import、report、export、backup 使用 PostgreSQL（--db 不再使用）。
        """;

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
        if (args.Length > 0 && IsHelp(args[0]))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var parsed = CliArgs.Parse(args);
        if (!Verbs.TryGetValue(parsed.Verb, out var create))
        {
            var word = args.Length > 0 ? args[0] : parsed.Verb;
            await error.WriteLineAsync($"错误：未知的命令 {word}（unknown verb {word}）");
            await error.WriteLineAsync(Usage);
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
