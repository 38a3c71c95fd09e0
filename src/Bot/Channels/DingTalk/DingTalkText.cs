using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>The <c>text</c> of a DingTalk text message.</summary>
public sealed record DingTalkText([property: JsonPropertyName("content")] string? Content);
