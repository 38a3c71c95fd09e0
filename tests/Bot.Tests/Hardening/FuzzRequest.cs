namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>One request of the fuzz run: built ahead from the seed, sent as it is.</summary>
/// <param name="Kind">What it exercises (for the report): e.g. "webchat.message", "feishu.malformed".</param>
/// <param name="Huge">A body far over every limit: the server may answer 413 and close the connection while it is still being sent.</param>
internal sealed record FuzzRequest(
    string Kind,
    HttpMethod Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyList<(string Name, string Value)>? Headers = null,
    bool Huge = false);
