using InstructorBot.Bot.Llm;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>--engine rules|llm</c> of <c>understand</c> and <c>ask</c> (CLI.md additions). The offline rules are the default;
/// <c>llm</c> consults the language model of the <c>Llm:*</c> settings (docs/llm.md), given as <c>--Llm:Endpoint=URL</c>,
/// <c>--Llm:Model=NAME</c>, <c>--Llm:Mode=</c>, <c>--Llm:TimeoutSeconds=</c>, <c>--Llm:Share=</c> or the environment
/// (<c>Llm__Endpoint</c>…); the key only from the environment (<c>Llm__ApiKey</c>), never the command line. Without the
/// settings <c>llm</c> fails with a clear reason rather than quietly scoring the rules.
/// </summary>
internal static class EngineOption
{
    /// <summary>Null for the rules; the model's settings for <c>llm</c> (mode <c>always</c> unless <c>Llm:Mode</c> is set).</summary>
    public static LlmOptions? Read(CliContext context)
    {
        switch (context.Args.Option("--engine"))
        {
            case null or "rules":
                return null;
            case "llm":
                var (options, problem) = LlmOptions.Read(name => name == "Llm:ApiKey"
                    ? Environment.GetEnvironmentVariable("Llm__ApiKey")
                    : context.Args.Option("--" + name) ?? Environment.GetEnvironmentVariable(name.Replace(":", "__", StringComparison.Ordinal)));
                if ((problem ?? options.Problem()) is { } reason)
                {
                    throw new CliException(
                        $"--engine llm 需要语言模型的设置：{reason}（见 docs/llm.md；不用模型请用 --engine rules，默认）",
                        "--engine llm needs the Llm:* settings (Llm:Endpoint, Llm:Model); see docs/llm.md, or use --engine rules (the default)");
                }

                // The engine was asked for by name: with no mode set every message goes to the model; an explicit
                // Llm:Mode=off is honoured (the rules' output, byte for byte: how a deployer checks the switch).
                if (context.Args.Option("--Llm:Mode") is null && Environment.GetEnvironmentVariable("Llm__Mode") is null)
                {
                    options.Mode = LlmMode.Always;
                }

                return options;
            case var other:
                throw new CliException($"未知的 --engine {other}（可选 rules 或 llm）", $"unknown --engine {other}: expected rules or llm");
        }
    }

    /// <summary>The client for <paramref name="options"/>, auditing beside the verb's database.</summary>
    public static ModelClient Client(CliContext context, LlmOptions options) =>
        new(options, new ModelAuditLog(ModelAuditLog.BesideDatabase(context.DatabasePath)));
}
