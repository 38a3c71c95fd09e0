namespace InstructorBot.Bot.Understanding.TakeBack;

/// <summary>Which earlier thing a take-back points at.</summary>
internal enum TakeBackReference
{
    /// <summary>The sender's last message (上一条, 刚才那条, 刚发的, 刚才报…那条).</summary>
    Message,

    /// <summary>An earlier report named by its time and a verb of reporting (昨天报的, 早上录的, 前面说的, 刚才报的).</summary>
    Report,
}

/// <summary>
/// A take-back read by <see cref="TakeBackFrame"/>: where the reference starts, what it points at, the topic said wrong (数字,
/// 名字, 人数… or null), and where the correction after the error word starts.
/// </summary>
internal sealed record TakeBackMatch(TakeBackReference Reference, int ReferenceStart, string? Topic, int ErrorStart, int CorrectionStart);

/// <summary>
/// Round 24 (r24-undo): a message that takes an earlier one back, read as a frame of word classes (<see cref="TakeBackWords"/>):
/// [opener]* + reference to an earlier message or report + [what of it, a few words] + error predicate + [particle]* +
/// [correction]. The frame opens the message (only openers before the reference), so a correction inside one report ("发现一个
/// 流动党员 哦不对 是俩", "…党员十名；刚才说错了，…") never reads as one; a doubt or a question (是不是搞错了?, 可能写错了) is no
/// take-back, nor an error word that is part of another word (不对劲, 不算多).
/// </summary>
internal static class TakeBackFrame
{
    /// <summary>How far the reference and the error word may stand apart: the unit or record named between them.</summary>
    private const int MaxGap = 18;

    public static TakeBackMatch? Match(string text) => Read(text, questioned: false);

    /// <summary>
    /// The frame with a doubt or a question where the error word stands ("上一条是不是搞错了？", "刚才那条写错了吗"): the sender asks
    /// whether the earlier message was wrong and takes nothing back. Null otherwise.
    /// </summary>
    public static TakeBackMatch? Questioned(string text) => Read(text, questioned: true);

    private static TakeBackMatch? Read(string text, bool questioned)
    {
        var at = SkipOpeners(text, 0);
        if (Retracted(text, at) is { } retracted)
        {
            return questioned ? null : retracted;
        }

        if (Reference(text, at) is not { } reference)
        {
            return null;
        }

        // What of the record was wrong, then the error word, within a short stretch that crosses no sentence end.
        for (var i = reference.End; i < text.Length && i <= reference.End + MaxGap; i++)
        {
            if (text[i] is '。' or '?' or '？' or '!' or '！' or '\n' or ';' or '；')
            {
                return null;
            }

            if (TakeBackWords.Errors.MatchAt(text, i) is not { } error || TakeBackWords.Lookalikes.MatchAt(text, i) is { } other && other.Length >= error.Length)
            {
                continue;
            }

            var end = i + error.Length;
            if (reference.Weak && i > reference.End && TakeBackWords.Topics.MatchAt(text, reference.End, i)?.Length != i - reference.End)
            {
                return null; // 刚才 alone refers only with the topic right after it: 刚才党员数说错了, not 刚才他们说…数字不对
            }

            if (TakeBackWords.Doubts.ContainsAny(text, reference.End, i) || Asked(text, end))
            {
                return questioned ? new TakeBackMatch(reference.Kind, reference.Start, null, i, end) : null;
            }

            if (questioned)
            {
                return null;
            }

            while (TakeBackWords.Particles.MatchAt(text, end) is { } particle)
            {
                end += particle.Length;
            }

            return new TakeBackMatch(reference.Kind, reference.Start, TopicAt(text, reference.End, i), i, SkipSeparators(text, end));
        }

        return null;
    }

    /// <summary>
    /// "撤回上一条 单位搞错了 今天那俩…": the take-back verb before the reference; a clause saying what was wrong may follow,
    /// then the correction.
    /// </summary>
    private static TakeBackMatch? Retracted(string text, int at)
    {
        if (TakeBackWords.Retractions.MatchAt(text, at) is not { } verb
            || TakeBackWords.MessageReferences.MatchAt(text, at + verb.Length) is not { } reference)
        {
            return null;
        }

        var end = at + verb.Length + reference.Length;
        while (TakeBackWords.Particles.MatchAt(text, end) is { } particle)
        {
            end += particle.Length;
        }

        var next = SkipSeparators(text, end);
        for (var i = next; i < text.Length && i <= next + 6; i++)
        {
            if (TakeBackWords.Errors.MatchAt(text, i) is { } error && TopicAt(text, next, i) is { } topic && !Asked(text, i + error.Length))
            {
                var after = i + error.Length;
                while (TakeBackWords.Particles.MatchAt(text, after) is { } particle)
                {
                    after += particle.Length;
                }

                return new TakeBackMatch(TakeBackReference.Message, end, topic, i, SkipSeparators(text, after));
            }
        }

        return new TakeBackMatch(TakeBackReference.Message, end, null, end, next);
    }

    private readonly record struct ReferenceSpan(TakeBackReference Kind, int Start, int End, bool Weak);

    /// <summary>The reference at <paramref name="at"/>: a message word, a time and a verb of reporting (+ 的, or + content + 那条), or 刚才 alone.</summary>
    private static ReferenceSpan? Reference(string text, int at)
    {
        if (TakeBackWords.MessageReferences.MatchAt(text, at) is { } message)
        {
            return new(TakeBackReference.Message, at, at + message.Length, false);
        }

        if (TakeBackWords.ReportTimes.MatchAt(text, at) is { } time && TakeBackWords.ReportVerbs.MatchAt(text, at + time.Length) is { } verb)
        {
            var after = at + time.Length + verb.Length;
            if (after < text.Length && text[after] == '的')
            {
                return new(TakeBackReference.Report, at, after + 1, false); // 昨天报的, 前面说的, 刚才报的
            }

            // "刚才报安捷成立支部那条": the record named by its content, closed by 那条.
            if (TakeBackWords.RecordWords.FindFirst(text, after, Math.Min(text.Length, after + MaxGap)) is { } record
                && !HasSentenceEnd(text, after, record.Position))
            {
                return new(TakeBackReference.Message, at, record.Position + record.Word.Length, false);
            }

            // "刚刚跟你说顺达快递发现两个党员 我说错了": the last message quoted, its claim between the verb and the error word.
            if (TakeBackWords.JustNow.MatchAt(text, at) is not null || time == "刚")
            {
                return new(TakeBackReference.Message, at, after, false);
            }
        }

        if (TakeBackWords.JustNow.MatchAt(text, at) is { } now)
        {
            var after = at + now.Length;
            if (TakeBackWords.RecordWords.FindFirst(text, after, Math.Min(text.Length, after + 10)) is { } record && !HasSentenceEnd(text, after, record.Position)
                && !TakeBackWords.Errors.ContainsAny(text, after, record.Position))
            {
                return new(TakeBackReference.Message, at, record.Position + record.Word.Length, false); // 刚才瑞康那条
            }

            return new(TakeBackReference.Message, at, after, true); // 刚才 + topic or error word at once
        }

        return null;
    }

    /// <summary>The topic said wrong when it stands right before the error word (党员数说错了, 书记名字搞错了), else null.</summary>
    private static string? TopicAt(string text, int start, int errorAt)
    {
        for (var i = start; i < errorAt; i++)
        {
            if (TakeBackWords.Topics.MatchAt(text, i, errorAt) is { } topic && i + topic.Length == errorAt)
            {
                return topic;
            }
        }

        return null;
    }

    /// <summary>A question right after the error word, before the clause ends (写错了吧？, 记错了没有).</summary>
    private static bool Asked(string text, int end)
    {
        if (end < text.Length && text[end] is '吗' or '么' or '没' or '嘛')
        {
            return true;
        }

        for (var i = end; i < text.Length; i++)
        {
            if (text[i] is '?' or '？')
            {
                return true;
            }

            if (text[i] is ' ' or ',' or '，' or '。' or '!' or '！' or '、' or '\n' || TextNormalizer.IsHan(text[i]) && TakeBackWords.Particles.MatchAt(text, i) is null)
            {
                return false;
            }
        }

        return false;
    }

    private static bool HasSentenceEnd(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is '。' or '?' or '？' or '!' or '！' or '\n' or ';' or '；')
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipOpeners(string text, int at)
    {
        while (true)
        {
            at = SkipSeparators(text, at);
            if (TakeBackWords.Openers.MatchAt(text, at) is not { } opener || TakeBackWords.MessageReferences.MatchAt(text, at) is not null)
            {
                return at;
            }

            at += opener.Length;
        }
    }

    private static int SkipSeparators(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or ',' or '，' or '、' or ':' or '：' or '~' or '…' or '.' or '。' or '!' or '！')
        {
            at++;
        }

        return at;
    }
}
