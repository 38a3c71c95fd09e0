using System.Globalization;

namespace InstructorBot.Store.Documents;

/// <summary>
/// The key of a host document: text ("wecom:123", a user id) or a number the store gave it
/// (<see cref="IDocumentWriter.InsertWithNewId{T}"/>). Both engines keep the kind: LiteDB as its <c>_id</c>, PostgreSQL as text.
/// </summary>
public readonly record struct DocumentId
{
    private DocumentId(string? text, int number)
    {
        Text = text;
        Number = number;
    }

    /// <summary>The text key, or null for a numbered document.</summary>
    public string? Text { get; }

    public int Number { get; }

    public static implicit operator DocumentId(string text) => FromText(text);

    public static implicit operator DocumentId(int number) => FromNumber(number);

    public static DocumentId FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentId(text, 0);
    }

    public static DocumentId FromNumber(int number) => new(null, number);

    /// <summary>How PostgreSQL's <c>documents.id</c> column holds it.</summary>
    public override string ToString() => Text ?? Number.ToString(CultureInfo.InvariantCulture);
}
