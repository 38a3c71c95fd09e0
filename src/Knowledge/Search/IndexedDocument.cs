namespace InstructorBot.Knowledge.Search;

/// <summary>One document in the index, keyed by its full path and the hash of its content.</summary>
public sealed record IndexedDocument(string Path, string Hash, string Title, string? DocumentNumber, bool Shipped, int Passages);
