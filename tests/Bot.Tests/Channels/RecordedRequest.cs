using System.Text.Json;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>One request the loopback vendor API received.</summary>
public sealed record RecordedRequest(string Path, string Query, JsonElement Body, string Authorization);
