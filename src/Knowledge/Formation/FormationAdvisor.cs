using System.Globalization;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Formation;

/// <summary>Decides the formation method that fits a unit by the rules of DOMAIN.md §Formation rules, each reason cited.</summary>
public sealed class FormationAdvisor(FormationRuleBook rules)
{
    private static readonly JointFormationMode[] AllJointModes =
        [JointFormationMode.Regional, JointFormationMode.Industry, JointFormationMode.Affiliated, JointFormationMode.Dispatched, JointFormationMode.Leading];

    /// <summary>
    /// The recommendation, or null when the facts say nothing about the unit's members, or the unit is 空壳/僵尸/影子 (it
    /// leaves the base instead: <see cref="DormantReason"/>).
    /// </summary>
    public Recommendation? Advise(OrganizationFacts facts)
    {
        if (facts.Dormant == true || facts.Deregistered == true)
        {
            return null;
        }

        var reasons = new List<RecommendationReason>();
        var members = Members(facts);
        var size = Size(facts);
        var flowing = facts.FlowingMembers is { } exactly ? Count.Exactly(exactly) : facts.FlowingMembersAbout is { } about ? Count.About(about) : Count.Exactly(0);
        var full = facts.FullMembers is not null ? "正式" : string.Empty;
        FormationMethod method;
        OrganizationLevel? level = null;
        IReadOnlyList<JointFormationMode>? modes = null;

        if (facts.Type != OrganizationType.Enterprise && facts.MostlyPublicStaff == true)
        {
            // 003 §二(四)4: 以机关事业单位人员为主体组成的社会组织 → 功能型党组织. A body of unknown kind described by its
            // members' public posts ("合唱团", "养老院的党员都是机关事业单位退休的") is read as such a social organisation.
            method = FormationMethod.Functional;
            level = LevelFor(size ?? Count.Exactly(0), reasons, quiet: true);
            Reason(reasons, "functional_public_staff", "该社会组织以机关事业单位人员为主体");
        }
        else if (flowing.Low > 3 && (facts.FullMembers ?? facts.PartyMembers - flowing.Low ?? 0) < 3)
        {
            // 001 §二(二): 流动党员超过3名 → 功能型党组织, unless the unit has 3 正式党员 of its own besides them.
            method = FormationMethod.Functional;
            level = LevelFor(size ?? flowing, reasons, quiet: true);
            Reason(reasons, "functional_flowing", $"该单位有{flowing.Said}名流动党员（{flowing.Bound("超过3名", 4)}）");
        }
        else if (members is { Low: >= 3 } enough)
        {
            // 002 §一, 003 §二(四)2: 3名以上正式党员 → 单独组建.
            method = FormationMethod.Single;
            Reason(reasons, "single", $"该单位有{enough.Said}名{full}党员（{enough.Bound("3名以上", 3)}）");
            level = LevelFor(size ?? enough, reasons, quiet: false);
            if (facts.CurrentOrganization == FormationMethod.Joint)
            {
                Reason(reasons, "split_out", "该单位目前在联合党组织中");
            }
        }
        else if (members is { Low: >= 1, High: <= 2 } few)
        {
            // 002 §一, 003 §二(四)3: 党员不足3名 → 联合组建; 001 §二(二) "不足3名的，可联合成立党支部": the joint organisation is a
            // 党支部 (round 19: a–ar's newer writers ask its level and want 党支部).
            method = FormationMethod.Joint;
            level = OrganizationLevel.Branch;
            modes = AllJointModes;
            Reason(reasons, "joint", $"该单位有{few.Said}名{full}党员（不足3名）");
            Reason(reasons, "joint_units", "联合组建时");
        }
        else if (members is { High: 0 })
        {
            // 002 §一, 003 §二(六), 004 §二(四): 没有党员 → 党的工作覆盖.
            method = FormationMethod.WorkCoverage;
            Reason(reasons, "work_coverage", "该单位目前没有党员");
        }
        else
        {
            return null;
        }

        AddThresholds(facts, reasons);
        return new Recommendation(method, level, modes, reasons);
    }

    /// <summary>Why a 空壳/僵尸/影子 unit is not formed: it is struck from the 党建基数 (003 §三(二)), cited.</summary>
    public RecommendationReason DormantReason()
    {
        var reasons = new List<RecommendationReason>();
        Reason(reasons, "dormant", "该单位属于空壳、僵尸或影子企业");
        return reasons[0];
    }

    /// <summary>Why a 注销 unit gets no recommendation: its organisation is changed or dissolved with it.</summary>
    public RecommendationReason DeregisteredReason()
    {
        var reasons = new List<RecommendationReason>();
        Reason(reasons, "deregistered", "该单位已注销");
        return reasons[0];
    }

    /// <summary>
    /// The advice with the facts it rests on: where the question's count of members differs from the ledger's, the reply
    /// says which it took and why (the user's report is newer than the ledger's last import), and asks for the ledger to be
    /// brought up to date.
    /// </summary>
    public static string Describe(Recommendation recommendation, OrganizationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = Describe(recommendation);
        return facts.LedgerMembers is { } ledger && (facts.PartyMembers ?? facts.FullMembers) is { } now
            ? text + string.Create(CultureInfo.InvariantCulture,
                $"\n说明：台账记该单位党员{ledger}名，您说的是{now}名。您反映的是现在的情况，比台账上次导入的数据新，本建议按{now}名计；请同步更新台账。")
            : text;
    }

    /// <summary>The advice in plain Chinese: what to do, then each reason with the document's words.</summary>
    public static string Describe(Recommendation recommendation)
    {
        var what = recommendation.Method switch
        {
            FormationMethod.Single => $"单独组建{LevelName(recommendation.Level)}",
            FormationMethod.Joint => "与行业相近、地域相邻的单位联合组建党组织（联合党组织，可联合成立党支部），可采取片区联建、同业共建、挂靠组建、派驻帮建、龙头带建等方式",
            FormationMethod.Functional => $"建立功能型党组织（{LevelName(recommendation.Level)}），党员一方隶属、双重管理、多方活动",
            _ => "暂不具备组建党组织的条件，先实现党的工作覆盖：选派党建工作指导员联系服务，组建工会、共青团、妇联等群团组织，加强出资人教育引导，做好发展党员工作，为组建党组织创造条件",
        };
        var lines = new List<string> { $"建议：{what}。", "依据：" };
        lines.AddRange(recommendation.Reasons.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1}. {r.Text}{(r.Citation is { } c ? $"（见《{c.Document}》{c.Section}）" : string.Empty)}")));
        return string.Join('\n', lines);
    }

    private static string LevelName(OrganizationLevel? level) => level switch
    {
        OrganizationLevel.GeneralBranch => "党总支（党的总支部）",
        OrganizationLevel.Committee => "党的基层委员会（党委，须报上级审核批准）",
        OrganizationLevel.Branch => "党支部",
        // A count said only roughly across 50 ("五十来个"): the level waits for the exact count.
        _ => "党组织（党员人数以确切数为准：不超过50名成立党支部，超过50名可成立党总支）",
    };

    /// <summary>
    /// The level by the unit's members, 正式 and 预备 alike (001 §二(二) counts 党员人数: 超过50名 → 党总支; 100名以上 → 党的基层
    /// 委员会, with approval; else 党支部). A range across a bound ("五十来个") decides no level.
    /// </summary>
    private OrganizationLevel? LevelFor(Count size, List<RecommendationReason> reasons, bool quiet)
    {
        if (size.Low >= 100)
        {
            Reason(reasons, "committee", $"党员{size.Said}名（{size.Bound("100名以上", 100)}）");
            return OrganizationLevel.Committee;
        }

        if (size.Low > 50)
        {
            Reason(reasons, "general_branch", $"党员{size.Said}名（{size.Bound("超过50名", 51)}）");
            return OrganizationLevel.GeneralBranch;
        }

        if (size.High > 50)
        {
            return null;
        }

        if (!quiet)
        {
            Reason(reasons, "branch_size", $"党员{size.Said}名");
        }

        return OrganizationLevel.Branch;
    }

    /// <summary>The members who count for the method (正式党员 when known), exact or as a range.</summary>
    private static Count? Members(OrganizationFacts facts) =>
        facts.CountingMembers is { } n ? Count.Exactly(n) : facts.PartyMembersAbout is { } about ? Count.About(about) : null;

    /// <summary>All the unit's members (正式 and 预备), for the level.</summary>
    private static Count? Size(OrganizationFacts facts) =>
        (facts.PartyMembers ?? facts.FullMembers) is { } n ? Count.Exactly(n) : facts.PartyMembersAbout is { } about ? Count.About(about) : null;

    /// <summary>A count as the reasons say it: exact ("6"), or approximate ("五十好几", with the bound it certainly meets).</summary>
    private sealed record Count(int Low, int High, string Said, bool Approximate)
    {
        public static Count Exactly(int n) => new(n, n, n.ToString(CultureInfo.InvariantCulture), false);

        public static Count About(CountRange range) => new(range.Low, range.High, range.Said, true);

        /// <summary>"3名以上", or for an approximate figure "按约数计至少51名，超过50名": the bound the rule needs.</summary>
        public string Bound(string rule, int needed) => Approximate && Low >= needed
            ? string.Create(CultureInfo.InvariantCulture, $"约数，按下限计至少{Low}名，{rule}")
            : rule;
    }

    private void AddThresholds(OrganizationFacts facts, List<RecommendationReason> reasons)
    {
        var (low, said) = facts.Employees is { } employees
            ? (employees, employees.ToString(CultureInfo.InvariantCulture))
            : facts.EmployeesAbout is { } about ? (about.Low, $"{about.Said}（约数，按下限计至少{about.Low}）") : (-1, string.Empty);
        if (low < 0)
        {
            return;
        }

        if (facts.Type == OrganizationType.SocialOrg)
        {
            if (low >= 30)
            {
                Reason(reasons, "threshold_social_30", $"适用的覆盖要求（从业人员{said}人）");
            }
        }
        else if (low >= 100)
        {
            Reason(reasons, "threshold_enterprise_100", $"适用的覆盖要求（职工{said}人）");
        }
        else if (low >= 50)
        {
            Reason(reasons, "threshold_enterprise_50", $"适用的覆盖要求（职工{said}人）");
        }
    }

    private void Reason(List<RecommendationReason> reasons, string ruleId, string fact)
    {
        var (text, citation) = rules.Statement(ruleId);
        reasons.Add(new RecommendationReason($"{fact}：{text}。", citation));
    }
}
