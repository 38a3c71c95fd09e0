using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Export;

namespace InstructorBot.Bot.Plugins;

/// <summary>The monthly progress report of a scope as a download, with its total row, or why it may not be made.</summary>
public sealed record MonthlyReportFile(string Scope, MonthlyReportExporter.Month? Month, MonthlyReportExporter.Row? Total, ReplyAttachment? File, string? Refusal = null);
