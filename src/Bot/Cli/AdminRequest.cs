namespace InstructorBot.Bot.Cli;

/// <summary>
/// One data-changing verb sent to the running host (CLI.md additions: import, index, users code, users bind work while the
/// host runs, through it): the verb's name, its options, and the files it names, carried as content (the host may run as
/// another user that cannot read the caller's files).
/// </summary>
public sealed record AdminRequest(string Verb, IReadOnlyDictionary<string, string> Options, IReadOnlyList<AdminRequest.Upload> Files)
{
    public sealed record Upload(string Option, string Name, byte[] Content);
}

/// <summary>The host's answer: the lines the verb printed, or its failure in Chinese and English.</summary>
public sealed record AdminReply(bool Ok, IReadOnlyList<string> Lines, string? Chinese = null, string? English = null);
