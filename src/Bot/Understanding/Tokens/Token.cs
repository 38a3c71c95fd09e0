namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// One word of a message, by class: an entity span the later stages must not cut (an organisation, a date, a figure),
/// a word of a class the vocabulary names (a count noun, a filler, a turn, a particle…), a pause, or any other word.
/// Positions are offsets into the normalised text, so every stage can still point into it.
/// </summary>
/// <param name="Kind">The word's class.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Value">A figure's value (<see cref="TokenKind.Number"/>); 0 otherwise.</param>
/// <param name="Key">The member category of a count noun (流动党员 → flowing), the measure's character, or null.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Value = 0, string? Key = null)
{
    public int Length => End - Start;

    public bool IsCountNoun => Kind is TokenKind.Members or TokenKind.Employees;

    /// <summary>A pause that ends a sentence or a clause in writing (，。；？), not a blank between spoken words.</summary>
    public bool IsHardPause(string text) => Kind == TokenKind.Pause && text[Start] != ' ';
}
