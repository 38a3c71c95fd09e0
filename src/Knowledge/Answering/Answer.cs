using System.Text.Json.Serialization;
using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// An answer from the documents: the sentences that answer, citations best first, and for a question about how a
/// given organisation should form, the recommendation. <see cref="Answered"/> is false when the documents hold no answer.
/// </summary>
public sealed record Answer(bool Answered, [property: JsonPropertyName("answer")] string Text, IReadOnlyList<Citation> Citations, Recommendation? Recommendation);
