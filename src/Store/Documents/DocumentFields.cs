namespace InstructorBot.Store.Documents;

/// <summary>Field names go into LiteDB expressions and PostgreSQL's SQL as text (so indexes match), never user input: checked here.</summary>
internal static class DocumentFields
{
    public static string Checked(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (!char.IsAsciiLetter(field[0]) || !field.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"not a document field name: {field}", nameof(field));
        }

        return field;
    }
}
