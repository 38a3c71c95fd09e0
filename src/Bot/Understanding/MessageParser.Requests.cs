using System.Text.RegularExpressions;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: requests that concern the whole message (help, progress, scope, export, lookup, advice).
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- whole-message intents

    private bool IsHelp()
    {
        if (rules.Help.ContainsAny(text) || rules.Help.ContainsAny(WithoutMeasureFillers(text)))
        {
            return true;
        }

        return rules.HelpWords.Contains(BareText()) || HelpAskedInOtherWords() || HelpAskedOfTheTool() || InputModeAsked(); // InputModeAsked: MessageParser.Lookups.cs // MessageParser.SpeechActs.cs, MessageParser.RequestsInOtherWords.cs
    }

    /// <summary>"你能帮我做些什么", "能干点啥": 些/点 between the verb and what is asked changes nothing.</summary>
    private static string WithoutMeasureFillers(string words) =>
        words.Replace("做些", "做", StringComparison.Ordinal).Replace("干些", "干", StringComparison.Ordinal)
            .Replace("做点", "做", StringComparison.Ordinal).Replace("干点", "干", StringComparison.Ordinal)
            .Replace("有些", "有", StringComparison.Ordinal).Replace("有一些", "有", StringComparison.Ordinal);

    private string BareText() => new([.. text.Where(c => TextNormalizer.IsHan(c) || char.IsAsciiLetterOrDigit(c) || c == '?')]);

    private ProgressMetric? ProgressMetricAsked()
    {
        if (rules.PolicyDefinition.ContainsAny(text) || UnitFactAsked() || AsksOnlyInReportedSpeech() || DocumentRuleAsked())
        {
            return null; // UnitFactAsked: "…走访华鼎精密制造时所录的职工人数是多少" asks for the unit's card; a question reported asks nothing
        }

        foreach (var (metric, groups) in rules.ProgressPatterns)
        {
            if (rules.MatchesInOrder(text, groups) && !(groups.Length == 1 && FigureNounInAReport()))
            {
                return metric == ProgressMetric.Unformed && BothSidesOfCoverageAsked() ? ProgressMetric.Coverage : metric;
            }
        }

        return UnformedSetAsked() || UnformedSetNamedAlone() ? ProgressMetric.Unformed : null; // MessageParser.SpeechActs.cs, MessageParser.RequestsInOtherWords.cs
    }

    private string? FindScope()
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (rules.OwnScope.MatchAt(text, i) is { } own)
            {
                i += own.Length - 1;
                continue;
            }

            // The scope names starting with this character, in the set's order: the first that starts here, as a scan of all.
            foreach (var name in index.ScopeNamesStartingWith(text[i]))
            {
                if (text.AsSpan(i).StartsWith(name, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        // A street or district written without its suffix ("坂田覆盖率多少") is kept as written.
        foreach (var (_, stem) in index.ScopeStems(rules.Vocabulary.ScopeSuffixes))
        {
            if (text.Contains(stem, StringComparison.Ordinal) && !mentions.Any(m => m.Written.Contains(stem, StringComparison.Ordinal)))
            {
                return stem;
            }
        }

        foreach (Match m in ScopePattern().Matches(text))
        {
            if (NamesScope(m))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>A match of <see cref="ScopePattern"/> that names a scope: not the sender's own, not a count or breakdown of scopes.</summary>
    private bool NamesScope(Match m) =>
        !rules.OwnScope.ContainsAny(text, Math.Max(0, m.Index - 1), m.Index + m.Length) && !"把给在到的和与我你他这那全本该各每几哪多所诸按分逐两".Contains(m.Value[0])
        && m.Value[1] is not ('个' or '些' or '家' or '条') // "几个街道的覆盖率", "两个街道的": a count of scopes names none
        && m.Value[1] is not ('按' or '分' or '各' or '每' or '逐') // "请按街道分列": a breakdown by scope names none
        && !dates.Any(d => d.Start <= m.Index && m.Index < d.Start + d.Length) && !DayParts.Contains(m.Value[..2]); // "明天区里开会", "下午街道开会": a time, then where

    /// <summary>Parts of a day said before 区/街道 of a meeting ("下午街道开会要问"), no scope's name.</summary>
    private static readonly string[] DayParts = ["上午", "下午", "中午", "晚上", "早上", "傍晚", "明早", "今早", "今晚", "明晚"];

    /// <summary>A scope name at <paramref name="at"/>: a full one, or one said without its suffix (坂田 for 坂田街道).</summary>
    private string? ScopeNameAt(int at)
    {
        if (index.ScopeNames.FirstOrDefault(n => text.AsSpan(at).StartsWith(n)) is { } full)
        {
            return full;
        }

        foreach (var name in index.ScopeNames)
        {
            foreach (var suffix in rules.Vocabulary.ScopeSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2 && text.AsSpan(at).StartsWith(name.AsSpan(0, name.Length - suffix.Length))
                    && !InsideMention(at + 1))
                {
                    return name[..^suffix.Length];
                }
            }
        }

        return null;
    }

    /// <summary><paramref name="first"/> and the scopes listed right after it with 和/、/与.</summary>
    private List<string?> ScopesListed(string? first)
    {
        var scopes = new List<string?> { first };
        if (first is null || text.IndexOf(first, StringComparison.Ordinal) is var at && at < 0)
        {
            return scopes;
        }

        for (var end = at + first.Length; scopes.Count < 8;)
        {
            var next = end;
            foreach (var joiner in (string[])["和", "、", "与", "及", "以及", "，", ","])
            {
                if (text.AsSpan(end).StartsWith(joiner))
                {
                    next = end + joiner.Length;
                    break;
                }
            }

            if (next == end)
            {
                return scopes;
            }

            var another = ScopeNameAt(next);
            if (another is null && ScopePattern().Match(text, next) is { Success: true } pattern && pattern.Index == next && NamesScope(pattern))
            {
                another = pattern.Value;
            }

            if (another is null || scopes.Contains(another))
            {
                return scopes;
            }

            scopes.Add(another);
            end = next + another.Length;
        }

        return scopes;
    }

    /// <summary>"今天走访了华鼎物流，另外帮我查下云启网络科技的台账": the records reported in the clauses before a request.</summary>
    private List<UnderstoodAction> ReportBefore(UnderstoodAction request)
    {
        var verb = rules.Lookup.FindFirst(text);
        if (verb is null || request.Organization is null)
        {
            return [];
        }

        var cut = verb.Value.Position;
        while (cut > 0 && !IsSeparator(text[cut - 1]))
        {
            cut--;
        }

        if (isPart || cut < 2 || !(rules.Visit.ContainsAny(text, 0, cut) || rules.Discovery.ContainsAny(text, 0, cut) || rules.Formation.ContainsAny(text, 0, cut)))
        {
            return [];
        }

        var report = ReaderOf(0, cut - 1, topic: null).Parse();
        return [.. report.Actions.Where(a => a.Kind is ActionKind.Visit or ActionKind.MemberDiscovery or ActionKind.Formation
            or ActionKind.WorkCoverage or ActionKind.OrgUpdate or ActionKind.Pairing)];
    }

    private UnderstoodAction? LookupAsked()
    {
        if (PlannedPurpose() || AsksOnlyInReportedSpeech() || StatusMarkedInLedger() || QuestionsPutToOthers()) // StatusMarkedInLedger: MessageParser.RequestsInOtherWords.cs; QuestionsPutToOthers: MessageParser.PassedOn.cs
        {
            return null;
        }

        if (LedgerCardAsked() is { } card)
        {
            return card; // MessageParser.Asking.cs: "明税税务所现在台账上是啥情况"
        }

        var verb = rules.Lookup.FindFirst(text);
        if (verb is { } found && rules.Visit.FindAll(text, Math.Max(0, found.Position - 4), found.Position + found.Word.Length + 4)
                .Any(v => v.Position <= found.Position && v.Position + v.Word.Length > found.Position))
        {
            verb = null; // 实地查看 is a visit, not a lookup
        }
        else if (verb is { } said && UsableMentions().LastOrDefault(m => m.End <= said.Position) is { } place
            && text.AsSpan(place.End, said.Position - place.End).Trim("了 ").IsEmpty
            && PlaceAfterMotion(place.Start))
        {
            verb = null; // "到智联物流了解一下党员情况", "去一趟蓝海电商 看看…": gone there to see, a visit (or its plan)
        }
        else if (verb is { } seen && GoneToSee(seen.Position))
        {
            verb = null; // round 21: "王书记让我去看看启航外国语学校 今天去了", "叫我去龙城那边看下仁爱医院": what a trip is for
        }

        var named = (verb is { } v ? UsableMentions().FirstOrDefault(m => !m.IsGeneric && m.Start > v.Position) : null)
            ?? UsableMentions().FirstOrDefault(m => !m.IsGeneric);
        if (named is null)
        {
            // "帮我查一下这家的台账": one organisation's card, not said which; "那个协会的台账给我看看": a class noun, no name.
            return verb is { } asked && ((rules.Pronouns.FindFirst(text, asked.Position) is { } pronoun
                && rules.LookupObjects.ContainsAny(text, pronoun.Position + pronoun.Word.Length)) || UnnamedOrganizationsCard())
                ? new UnderstoodAction(ActionKind.OrgLookup)
                : null;
        }

        var hasObject = rules.LookupObjects.ContainsAny(text, named.End);
        if (AsksAdviceInText && !hasObject)
        {
            return null; // "问一下仁爱医院要不要单独建党组织" asks for advice, not the card
        }

        if ((verb is not null && (hasObject || verb.Value.Position < named.Start || EndsWithLookup(named, verb.Value)))
            || (hasObject && rules.LookupQuestions.ContainsAny(text, named.End))
            || (hasObject && IsNamePhrase(named)))
        {
            return WithOrganization(new UnderstoodAction(ActionKind.OrgLookup), named);
        }

        return null;
    }

    /// <summary>
    /// "明天打算去一趟蓝海电商 看看他们那个党员到底啥情况": a plan to go somewhere, then a clause opened by a verb of seeing
    /// (看看, 了解一下): the question is what the trip is for, not one put to the bot.
    /// </summary>
    private bool PlannedPurpose()
    {
        // "一会儿去佳和餐饮那边坐坐 看看他们工会弄得怎么样了": a trip on the day's agenda, then what it is for (MessageParser.Agenda.cs).
        if (clauses.FindIndex(IsAgendaClause) is var agenda and >= 0
            && clauses.Skip(agenda + 1).Any(c => rules.Lookup.MatchAt(text, c.Start, c.End) is not null || rules.Agents.PurposeVerbs.MatchAt(text, c.Start, c.End) is not null
                || rules.Agents.PurposeLeads.MatchAt(text, c.Start, c.End) is { } lead && rules.Agents.PurposeVerbs.MatchAt(text, c.Start + lead.Length, c.End) is not null)) // "顺便问问他们建支部的事" (round 17)
        {
            return true;
        }

        if (rules.Plan.FindFirst(text) is not { } plan || rules.Motion.FindFirst(text, plan.Position + plan.Word.Length) is not { } go
            || go.Position - plan.Position - plan.Word.Length > 2)
        {
            return false;
        }

        return clauses.Any(c => c.Start > go.Position && rules.Lookup.MatchAt(text, c.Start, c.End) is not null);
    }

    /// <summary>A place right after a motion verb, with 一趟/一下 between ("到智联物流", "去一趟蓝海电商").</summary>
    private bool PlaceAfterMotion(int placeStart)
    {
        var end = placeStart;
        if (end >= 2 && text.AsSpan(end - 2, 2) is "一趟" or "一下")
        {
            end -= 2;
        }

        return rules.Motion.EndsAt(text, end, Math.Max(0, end - 3));
    }

    /// <summary>
    /// "那个协会的台账", "这个商会的台账": an organisation's class noun with no proper name before it (the message's start, a
    /// pause or a demonstrative), then 的 and one of a unit's facts: one organisation's card, not said which.
    /// </summary>
    private bool UnnamedOrganizationsCard()
    {
        if (UsableMentions().Any(m => !m.IsGeneric))
        {
            return false;
        }

        foreach (var (position, noun) in rules.OrgTypeWords.FindAll(text))
        {
            var start = position;
            while (rules.TradeWords.EndsAt(text, start, Math.Max(0, start - 4)))
            {
                start -= rules.TradeWords.LongestEndingAt(text, start); // "那家物业公司": trade words describe, they name nothing
            }

            for (var length = 2; length >= 1; length--)
            {
                if (start - length >= 0 && rules.Demonstratives.MatchAt(text, start - length, start) is { } pointer && pointer.Length == length)
                {
                    start -= length;
                    break;
                }
            }

            var after = position + noun.Length;
            if ((start == 0 || IsSeparator(text[start - 1])) && after < text.Length && text[after] == '的' && rules.LookupObjects.MatchAt(text, after + 1) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "云启科技的情况", "云启科技情况", "蓝海电商的台账": the whole message is a noun phrase, the name and one of the unit's
    /// facts (a lookup object) with nothing else said, so it asks for the card, punctuated or not.
    /// </summary>
    private bool IsNamePhrase(OrganizationMention named)
    {
        static bool Filler(char c) => IsSeparator(c) || c is '的' or '吧' or '呢' or '啊' or '呀' or '嘛' or '～' or '?' or '？';
        if (!text.AsSpan(0, named.Start).ToString().All(Filler))
        {
            return false;
        }

        var rest = new string([.. text.AsSpan(named.End).ToString().Where(c => !Filler(c))]);
        return rest.Length > 0 && rules.LookupObjects.MatchAt(rest, 0, rest.Length) is { } word && word.Length == rest.Length;
    }

    /// <summary>"汇通汽车查一下", "云启科技帮我看看吧": the name, then only the lookup verb closing the message.</summary>
    private bool EndsWithLookup(OrganizationMention named, (int Position, string Word) verb)
    {
        if (verb.Position < named.End)
        {
            return false;
        }

        static bool Filler(char c) => IsSeparator(c) || c is '的' or '帮' or '我' or '请' or '麻' or '烦' or '吧' or '呗' or '啊' or '呀' or '哈' or '嘛' or '～';
        // "华鼎那家 查一下": a pointer after the name (那家, 这个) points at the name.
        var after = named.End;
        if (rules.Demonstratives.MatchAt(text, after, verb.Position) is { } pointer)
        {
            after += pointer.Length;
        }

        return text.AsSpan(after, verb.Position - after).TrimStart(' ').ToString().All(Filler)
            && text.AsSpan(verb.Position + verb.Word.Length).ToString().All(Filler);
    }

    /// <summary>"如果顺达快递再发现一名党员，就能单独建支部了": a supposition stated (no question, closed by 了) asks nothing.</summary>
    private bool IsStatedSupposition() =>
        !clauses.Any(c => c.IsQuestion) && clauses.Any(HasCondition) && text.TrimEnd().TrimEnd("。！!～~…").EndsWith('了');

    private bool IsInQuestion(int position) => clauses.FirstOrDefault(c => c.Start <= position && position < c.End)?.IsQuestion ?? false;

    private UnderstoodAction? FindAdvice()
    {
        if (!AsksAdviceInText && !(AsksAdviceWithFigures(text) && (memberPhrases.Count > 0 || employeePhrases.Count > 0))
            && !AdviceAskedByGrammar() && !AdviceAskedByAlternatives()) // MessageParser.Alternatives.cs
        {
            return null;
        }

        if (IsStatedSupposition() || (AsksOnlyInReportedSpeech() && !AllReportedPassedOn()) || SupposesPastABound()) // MessageParser.SupposedBound.cs; AllReportedPassedOn: MessageParser.PassedOn.cs
        {
            return null; // "程老板问能不能单独建支部，我说要先看党员人数": his question, reported
        }

        var named = UsableMentions().FirstOrDefault(m => !m.IsGeneric);
        if (named is null && ((rules.ClassDescription.ContainsAny(text) && !OneUnitDescribed()) || !rules.Singular.ContainsAny(text) && !rules.UnitIntroducers.ContainsAny(text) && !UsableMentions().Any()))
        {
            return null;
        }

        return AdviceWithPremise(named ?? UsableMentions().FirstOrDefault());
    }

    /// <summary>An advice request about <paramref name="unit"/>, its premise the figures and the type of unit the message says.</summary>
    private UnderstoodAction AdviceWithPremise(OrganizationMention? unit)
    {
        // "德润物业要是党员到8个了，能…单独建吗": the case supposed is the question's premise.
        var members = memberPhrases.FirstOrDefault(p => !p.Consumed && !p.Approximate) ?? memberPhrases.FirstOrDefault(p => p.Supposed && !p.Approximate);
        var employees = employeePhrases.FirstOrDefault(p => !p.Approximate) ?? PeopleCountBesideMembers(members);
        OrganizationType? type = null;
        foreach (var (position, word) in rules.OrgTypeWords.FindAll(text))
        {
            if (!mentions.Any(m => !m.IsGeneric && m.Start <= position && position < m.End))
            {
                type = rules.Vocabulary.OrgTypeWords[word] == "social_org" ? OrganizationType.SocialOrganization : OrganizationType.Enterprise;
                break;
            }
        }

        return WithOrganization(new UnderstoodAction(ActionKind.FormationAdvice)
        {
            PartyMembers = members?.Value,
            Employees = employees?.Value,
            OrgType = type,
            AboutDescribedUnit = unit is null || (unit.IsGeneric && (rules.UnitIntroducers.ContainsAny(text) || !PointsAtOneUnit(unit))),
        }, unit);
    }

    /// <summary>
    /// "那家律所", "这家公司": a generic noun led by a pointer means one unit the sender has in mind, which the bot must ask
    /// for; "一家培训学校", "社会组织" describe one (unless a unit brought in by 有家/有个 is what the pointer points back at).
    /// </summary>
    private static bool PointsAtOneUnit(OrganizationMention unit) => unit.Written.Length > 0 && unit.Written[0] is '那' or '这' or '该';

    /// <summary>
    /// The unit's head count said bare beside its member figure in an advice question's premise ("70人2个党员", "2个党员 88个人",
    /// "一个党员十八个人"): a count of people that touches the member figure (separators between) is the head count. Read for
    /// advice only, which writes nothing: elsewhere a bare count of people (开会来了10个人) is no head count.
    /// </summary>
    private NumberPhrase? PeopleCountBesideMembers(NumberPhrase? members)
    {
        if (members is null || members.Approximate)
        {
            return null;
        }

        var after = members.End;
        while (after < text.Length && IsSeparator(text[after]))
        {
            after++;
        }

        if (after < text.Length && PeopleCountAt(after) is { } next)
        {
            return next;
        }

        var before = members.Start;
        while (before > 0 && IsSeparator(text[before - 1]))
        {
            before--;
        }

        for (var start = Math.Max(0, before - 6); start < before; start++)
        {
            if (PeopleCountAt(start) is { } previous && previous.End == before)
            {
                return previous;
            }
        }

        return null;
    }

    /// <summary>A figure of people at <paramref name="position"/>: N人 or N个人, not approximate.</summary>
    private NumberPhrase? PeopleCountAt(int position)
    {
        if (!ChineseNumber.TryReadSpoken(text, position, out _, out _, out _) || ReadNumberAfter(position) is not { Approximate: false } phrase)
        {
            return null;
        }

        var end = phrase.End;
        if (text[end - 1] == '人')
        {
            return phrase;
        }

        return text[end - 1] == '个' && end < text.Length && text[end] == '人' ? phrase with { End = end + 1 } : null;
    }

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}])[\p{IsCJKUnifiedIdeographs}]{2}(?:街道|社区)|(?<![\p{IsCJKUnifiedIdeographs}])[\p{IsCJKUnifiedIdeographs}]{2}区")]
    private static partial Regex ScopePattern();
}
