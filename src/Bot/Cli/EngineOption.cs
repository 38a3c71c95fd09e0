namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>--engine rules|llm</c> of <c>understand</c> and <c>ask</c> (CLI.md additions). The offline rules are the default and
/// the only engine this build has: <c>llm</c> fails with a clear reason rather than quietly falling back, so a deployer
/// measuring a model never scores the rules by mistake.
/// </summary>
internal static class EngineOption
{
    public static void RequireRules(CliContext context)
    {
        switch (context.Args.Option("--engine"))
        {
            case null or "rules":
                return;
            case "llm":
                throw new CliException(
                    "本版本尚未接入语言模型：--engine llm 不可用，请使用 --engine rules（默认）",
                    "--engine llm is not available in this build; use --engine rules (the default)");
            case var other:
                throw new CliException($"未知的 --engine {other}（可选 rules 或 llm）", $"unknown --engine {other}: expected rules or llm");
        }
    }
}
