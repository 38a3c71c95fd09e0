using InstructorBot.Store;
using InstructorBot.Store.Import;

namespace InstructorBot.Bot.Cli;

/// <summary><c>import --ledger FILE</c> / <c>import --users FILE</c>: loads the ledger (台账) or the users; a bad file is refused whole.</summary>
public sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ledger = context.Args.Option("--ledger");
        var users = context.Args.Option("--users");
        if (ledger is null && users is null)
        {
            throw new CliException("缺少参数 --ledger FILE 或 --users FILE", "missing option --ledger FILE or --users FILE");
        }

        var files = new List<(string, string)>();
        if (ledger is not null)
        {
            files.Add(("--ledger", ledger));
        }

        if (users is not null)
        {
            files.Add(("--users", users));
        }

        // On PostgreSQL the verb writes to the server itself (the host's admin endpoint is the LiteDB file's gatekeeper).
        if (context.Engine == StoreEngineKind.LiteDb
            && await AdminClient.TrySendAsync(context.DatabasePath, new AdminRequest("import", new Dictionary<string, string>(), AdminClient.Uploads(files)), cancellationToken) is { } reply)
        {
            return await AdminClient.PrintAsync(context, reply);
        }

        using var store = StoreOpener.Open(context);
        foreach (var line in await ImportAsync(store, ledger, users, cancellationToken))
        {
            await context.Output.WriteLineAsync(line);
        }

        return 0;
    }

    /// <summary>Imports the ledger and/or users files into <paramref name="store"/>; the lines to print.</summary>
    internal static async Task<IReadOnlyList<string>> ImportAsync(InstructorStore store, string? ledger, string? users, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        if (ledger is not null)
        {
            var report = Accepted("台账", await store.ImportLedgerAsync(ledger, cancellationToken));
            lines.Add($"台账导入完成（{Path.GetFileName(ledger)}）：{report.Describe()}");
        }

        if (users is not null)
        {
            var report = Accepted("用户", await store.ImportUsersAsync(users, cancellationToken));
            lines.Add($"用户导入完成（{Path.GetFileName(users)}）：{report.Describe()}");
        }

        return lines;
    }

    /// <summary>A refused file is one error line naming every bad row, so nothing was written.</summary>
    private static ImportReport Accepted(string what, ImportReport report) =>
        report.Succeeded
            ? report
            : throw new CliException(
                $"{what}文件有 {report.Errors.Count} 处错误，未导入任何数据：{string.Join("；", report.Errors)}",
                $"{(what == "台账" ? "ledger" : "users")} file refused, {report.Errors.Count} error(s), nothing written");
}
