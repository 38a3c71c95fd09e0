namespace InstructorBot.Bot.Understanding;

// Stage: asking (round 10, branch r10-uask). A message whose mood asks (a question clause, a final particle, 哪 + a numeral)
// records nothing of what it names as its premise; the OBJECT asked for decides the action: a document's rule (policy), a
// unit's ledger card (lookup), the table of a progress figure (progress, not the ledger file), the bot's capabilities (help).
// Word classes: AskingWords (vocabulary.json "asking"). Hooks: Parse (MessageParser.cs), LookupAsked and ProgressMetricAsked
// (MessageParser.Requests.cs), IsOneAct and HelpAskedInOtherWords (MessageParser.SpeechActs.cs).
internal sealed partial class MessageParser
{
    private AskingWords Asking => rules.Asking;

    /// <summary>The message asks: a clause in the interrogative mood, or 哪 with a numeral ("到底是哪三有来着").</summary>
    private bool AsksByMood() => clauses.Any(c => c.IsQuestion) || Asking.WhichNumerals.ContainsAny(text);

    private bool? documentRuleAsked;

    /// <summary>
    /// "社区书记一对一帮扶组建，文件里对每位书记有什么具体要求？", "一个联合支部里有家单位已经有3个正式党员了，文件上对这种情况是
    /// 怎么说的", "社区里好多小公司都只有一个党员，按文件应该怎么建组织": a question whose object is a document's rule, about a
    /// case described, with no unit named and no day said: a policy question, and what describes the case is no record.
    /// </summary>
    private bool DocumentRuleAsked() => documentRuleAsked ??=
        Asking.DocumentRuleWords.ContainsAny(text) && AsksByMood() && dates.Count == 0 && !UsableMentions().Any(m => !m.IsGeneric)
        && !AsksOnlyInReportedSpeech();

    /// <summary>
    /// "明税税务所现在台账上是啥情况", "正衡律所台账里登记的是什么来着", "佳和餐饮台账上党员有几个": a unit named, then where its record
    /// is kept (台账上, 登记的), in a message that asks: the unit's card.
    /// </summary>
    private UnderstoodAction? LedgerCardAsked()
    {
        if (UsableMentions().FirstOrDefault(m => !m.IsGeneric) is not { } named || !Asking.LedgerPlaces.ContainsAny(text, named.End)
            || !(AsksByMood() || rules.Lookup.ContainsAny(text) || rules.ShowFollowups.ContainsAny(text, named.End)))
        {
            return null;
        }

        return WithOrganization(new UnderstoodAction(ActionKind.OrgLookup), named);
    }

    /// <summary>
    /// "佳和餐饮那家的台账给我看看", "微光软件的台账拉出来": a unit's 台账 asked with no scope said is the unit's card, not the
    /// ledger of a street as a file.
    /// </summary>
    private bool UnitsLedgerAsked() =>
        UsableMentions().Any(m => !m.IsGeneric) && FindScope() is null && Asking.LedgerFileWords.FindAll(text).All(w => w.Word == "台账");

    /// <summary>
    /// "上个月各个指导员走访了多少家 出个表", "各社区的覆盖率 做成表发我": a table or chart asked of a progress figure, with no word of
    /// the ledger as a file (台账, 导出, excel), is the figure broken down, not an export.
    /// </summary>
    private bool TableOfFigureAsked(ProgressMetric? metric) => metric is not null && !Asking.LedgerFileWords.ContainsAny(text);

    /// <summary>"除了记走访还能干嘛": the work named after 除了 in a help question is mentioned, not reported.</summary>
    private bool HelpBesidesWork(bool help) => help && Asking.BesidesMarkers.ContainsAny(text) && !UsableMentions().Any(m => !m.IsGeneric);

    /// <summary>
    /// "你还有啥用处", "这个系统除了登记走访还有哪些功能": the bot has (有/还有) a capability asked with a question word, closing the
    /// clause; or "会干嘛", an ability and a doing with its question word said as one.
    /// </summary>
    private bool CapabilityAsked(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (Asking.CapabilityHaves.MatchAt(text, i, end) is { } have)
            {
                var at = i + have.Length;
                if (Acts.HelpObjects.MatchAt(text, at, end) is { } what && Asking.CapabilityNouns.MatchAt(text, at + what.Length, end) is { } noun
                    && ClosesClause(at + what.Length + noun.Length, end))
                {
                    return true;
                }
            }

            if (Acts.HelpAbilities.MatchAt(text, i, end) is { } ability && Asking.CapabilityObjects.MatchAt(text, i + ability.Length, end) is { } doing
                && ClosesClause(i + ability.Length + doing.Length, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "各街道新建党组织情况 做成表发我", "龙岗区各社区这周的走访情况 弄个表格给我": a breakdown (各街道, 各社区, 各个指导员) of a
    /// figure's noun, asked as a table, names no unit and no ledger file: the progress figure, broken down.
    /// </summary>
    private ProgressMetric? BreakdownTableMetric()
    {
        if (ProgressFilters.BreakdownOf(text) is null || !rules.AsksExport(text) || Asking.LedgerFileWords.ContainsAny(text)
            || UsableMentions().Any(m => !m.IsGeneric))
        {
            return null;
        }

        return Asking.CoverageNouns.ContainsAny(text) ? ProgressMetric.Coverage
            : rules.Visit.ContainsAny(text) ? ProgressMetric.Visits
            : Asking.FormationNouns.ContainsAny(text) ? ProgressMetric.Formations
            : null;
    }

    /// <summary>
    /// "各个街道这礼拜新建了多少个党组织 对了 出个表", "你给我查查 对了 我十一月份到过哪几家": a figure asked, with a table of it or
    /// a request word around it, and no unit named: one act, whose activity words (走访, 到过) are what is counted, not a report.
    /// </summary>
    private bool OnlyFiguresAsked(ProgressMetric? metric, bool export) =>
        metric is not null && !UsableMentions().Any(m => !m.IsGeneric)
        && ((TableOfFigureAsked(metric) && rules.AsksExport(text))
            || (!export && dates.Count == 0 && AsksByMood() && !clauses.Any(c => !c.IsQuestion && (rules.Visit.ContainsAny(text, c.Start, c.End) || rules.Motion.ContainsAny(text, c.Start, c.End)))));

    /// <summary>
    /// "蓝海电商现在65个人、党员0，这种咋整？建啥组织合适", "明税税务所现在台账上是啥情况？调出来我看下": one unit asked about (the
    /// advice its figures are the premise of, or its card) in two questions or a question and a request, with no record verb and
    /// no day: one act, not a report and a question.
    /// </summary>
    private bool AdviceOnlyAsked() =>
        (AsksAdviceInText || LedgerCardAsked() is not null) && AsksByMood() && dates.Count == 0 && !VisitWordOutsideIntroducer() && !rules.Discovery.ContainsAny(text)
        && !rules.Hire.ContainsAny(text) && UsableMentions().Where(m => !m.IsGeneric).DistinctBy(Identity).Count() <= 1;

    /// <summary>A visit word said, other than 开了 inside a unit's introducer ("横岗新开了个律所": a unit is opened, not a meeting held).</summary>
    private bool VisitWordOutsideIntroducer() =>
        rules.Visit.FindAll(text).Any(v => !rules.UnitIntroducers.Covers(text, 0, text.Length, v.Position));
}
