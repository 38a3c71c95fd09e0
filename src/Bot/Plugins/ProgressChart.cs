using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// A chart of a scope as an image to show (a signed link, plus the bytes for inline channels) with the figures it shows in
/// a sentence (for a channel that shows no image, and for the record), or why it may not be drawn.
/// </summary>
public sealed record ProgressChart(string Scope, ChartKind Kind, ReplyAttachment? Image, string Title, string Summary, string? Refusal = null);
