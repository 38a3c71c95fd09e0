namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A person's name told by its characters (说字): "是立早章的章丽", "弓长张的张敏", "三点水的汪刚". The gloss says which
/// character a name holds and is no part of the name, so it is taken out before the name is read (the name after it stays,
/// and a correction marker before it then replaces the name said first). Two forms, as speakers tell a character: its
/// parts then itself (立早 + 章, 弓长 + 张, 耳东 + 陈: two characters and the character the name starts with, right before
/// 的 and that same character), or its radical (三点水, 草字头: <c>character_gloss_radicals</c>) before 的. A gloss stands
/// after a word that introduces a name (是, 叫, 姓, 为) or a pause, never inside a word (连锁店的店长).
/// </summary>
internal static class CharacterGlosses
{
    private const string Leads = "是叫姓为 ，,、：:";

    /// <summary>The text without the glosses of names in it, or <paramref name="text"/> itself when it holds none.</summary>
    public static string Remove(string text, KeywordSet radicals)
    {
        for (var at = 0; at < text.Length; at++)
        {
            if (at > 0 && !Leads.Contains(text[at - 1], StringComparison.Ordinal))
            {
                continue;
            }

            var length = GlossAt(text, at, radicals);
            if (length > 0)
            {
                text = string.Concat(text.AsSpan(0, at), text.AsSpan(at + length));
            }
        }

        return text;
    }

    /// <summary>The length of a gloss and its 的 at <paramref name="at"/>, a name's character after it; else 0.</summary>
    private static int GlossAt(string text, int at, KeywordSet radicals)
    {
        // 立早章的章丽: two parts, the character, 的, the same character opening a name.
        if (at + 5 < text.Length && TextNormalizer.IsHan(text[at]) && TextNormalizer.IsHan(text[at + 1]) && TextNormalizer.IsHan(text[at + 2])
            && text[at + 3] == '的' && text[at + 4] == text[at + 2] && TextNormalizer.IsHan(text[at + 5]))
        {
            return 4;
        }

        // 三点水的汪刚: a radical, 的, a name of two or three characters.
        if (radicals.MatchAt(text, at) is { } radical && at + radical.Length + 2 < text.Length && text[at + radical.Length] == '的'
            && TextNormalizer.IsHan(text[at + radical.Length + 1]) && TextNormalizer.IsHan(text[at + radical.Length + 2]))
        {
            return radical.Length + 1;
        }

        return 0;
    }
}
