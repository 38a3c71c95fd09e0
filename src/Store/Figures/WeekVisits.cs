namespace InstructorBot.Store.Figures;

/// <summary>One week's visits (Monday to Sunday, clipped to the window asked): units visited (家) and visits (次).</summary>
public sealed record WeekVisits(DateOnly From, DateOnly To, int Units, int Visits);
