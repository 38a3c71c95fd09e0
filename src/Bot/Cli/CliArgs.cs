namespace InstructorBot.Bot.Cli;

/// <summary>A parsed command line: the verb, an optional sub-verb (<c>users code</c>), <c>--name value</c> options, flags and positionals.</summary>
public sealed class CliArgs
{
    private static readonly HashSet<string> Flags = ["--json", "--help", "-h"];

    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public string Verb { get; private init; } = "serve";

    public IReadOnlyList<string> Positionals { get; private init; } = [];

    public static CliArgs Parse(IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        var parsed = new CliArgs { Positionals = positionals };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                var eq = arg.IndexOf('=');
                parsed.options[arg[..eq]] = arg[(eq + 1)..];
            }
            else if (Flags.Contains(arg))
            {
                parsed.flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                parsed.options[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.flags.Add(arg);
            }
            else
            {
                positionals.Add(arg);
            }
        }

        if (positionals.Count > 0 && CliApp.IsVerb(positionals[0]))
        {
            return new CliArgs { Verb = positionals[0], Positionals = positionals.Skip(1).ToList(), }.With(parsed);
        }

        return parsed;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    public bool Flag(string name) => flags.Contains(name);

    /// <summary>The first positional after the verb, for verbs with a sub-verb (<c>users code</c>).</summary>
    public string? SubVerb => Positionals.Count > 0 ? Positionals[0] : null;

    /// <summary>Positionals joined by spaces: the free text of <c>understand</c> and <c>ask</c>.</summary>
    public string Text => string.Join(' ', Positionals);

    /// <summary>A required option, or a <see cref="CliException"/> naming it.</summary>
    public string Required(string name) =>
        Option(name) ?? throw new CliException($"缺少参数 {name}", $"missing option {name}");

    private CliArgs With(CliArgs source)
    {
        foreach (var (key, value) in source.options)
        {
            options[key] = value;
        }

        flags.UnionWith(source.flags);
        return this;
    }
}
