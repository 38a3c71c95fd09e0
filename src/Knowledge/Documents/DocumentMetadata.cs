namespace InstructorBot.Knowledge.Documents;

/// <summary>What identifies an official document: title, issuing body, 文号, date and where the text comes from.</summary>
public sealed record DocumentMetadata(
    string Title,
    string? IssuingBody = null,
    string? DocumentNumber = null,
    string? Date = null,
    string? SourceNote = null);
