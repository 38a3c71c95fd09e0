using System.Text.Json;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>One request the loopback vendor API received; <paramref name="Refused"/> when it was a reply the API refused.</summary>
public sealed record RecordedRequest(string Path, string Query, JsonElement Body, string Authorization, bool Refused = false);
