namespace InstructorBot.Store.Domain;

/// <summary>Points at one stored record: its kind (= collection) and id.</summary>
public sealed record RecordRef(string Kind, int Id);
