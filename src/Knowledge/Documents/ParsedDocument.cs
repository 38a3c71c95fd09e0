namespace InstructorBot.Knowledge.Documents;

/// <summary>A document split on its own structure, with the metadata given or detected.</summary>
public sealed record ParsedDocument(DocumentMetadata Metadata, IReadOnlyList<Passage> Passages);
