using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Formation;

/// <summary>One reason for a recommendation, in Chinese, with the passage it rests on.</summary>
public sealed record RecommendationReason(string Text, Citation? Citation);
