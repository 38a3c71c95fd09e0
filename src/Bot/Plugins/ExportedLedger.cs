using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Plugins;

/// <summary>An exported ledger as a download, or why it may not be made.</summary>
public sealed record ExportedLedger(string Scope, int Organizations, ReplyAttachment? File, string? Refusal = null);
