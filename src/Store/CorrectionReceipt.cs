namespace InstructorBot.Store;

/// <summary>What a correction did: the record write it took back and the one written in its place.</summary>
public sealed record CorrectionReceipt(UndoReceipt Undone, WriteReceipt Recorded);
