using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Each word class of <c>vocabulary.json</c> as a theory over its entries (branch r4-vocab): every entry, put in a frame
/// sentence of its class, is read as the class says (a visit verb makes a visit, a hiring verb a hired discovery, a staff
/// word takes the head count, a none word says 0, a plan marker blocks the record…). A word that fails its frame does not
/// belong to the class or the reader misses it; either way the test names it. Negative theories: pointers and workplace
/// nouns never become an organisation's name.
/// </summary>
public sealed class WordClassTests
{
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    private static IEnumerable<object[]> Each(IEnumerable<string> words) => words.Distinct().Select(w => new object[] { w });

    /// <summary>Words of the fact-filler class that say a figure is rough (大约, 将近): they leave the figure out instead.</summary>
    private static bool Approximates(string word) => Words.ApproximationPrefixes.Contains(word) || Words.ApproximationSuffixes.Contains(word);

    public static IEnumerable<object[]> VisitVerbs() => Each(Words.VisitVerbs);

    public static IEnumerable<object[]> MotionVerbs() => Each(Words.MotionVerbs.Where(w => w.Length > 1));

    public static IEnumerable<object[]> StayVerbs() => Each(Words.VisitStayVerbs);

    public static IEnumerable<object[]> StayPlaceVerbs() => Each(Words.StayPlaceVerbs);

    public static IEnumerable<object[]> DiscoveryVerbs() => Each(Words.DiscoveryVerbs);

    public static IEnumerable<object[]> HireVerbs() => Each(Words.HireVerbs);

    public static IEnumerable<object[]> CompletionVerbs() => Each(Words.CompletionVerbs);

    public static IEnumerable<object[]> MassOrganizations() => Words.MassOrganizations.Select(p => new object[] { p.Key, p.Value });

    public static IEnumerable<object[]> Statuses() => Words.Statuses.Select(p => new object[] { p.Key, p.Value });

    public static IEnumerable<object[]> JointModes() => Words.JointModes.Select(p => new object[] { p.Key, p.Value });

    public static IEnumerable<object[]> StaffWords() => Each(Words.EmployeeWords);

    public static IEnumerable<object[]> NoneWords() => Each(Words.NoneWords);

    public static IEnumerable<object[]> NoneAfterOne() => Each(Words.NoneAfterOne);

    public static IEnumerable<object[]> Negations() => Each(Words.NegationMarkers);

    public static IEnumerable<object[]> PlanMarkers() => Each(Words.PlanMarkers);

    public static IEnumerable<object[]> FactFillers() => Each(Words.FactFillers.Where(w => w.Length >= 2 && !Approximates(w)));

    public static IEnumerable<object[]> ApproximationPrefixes() => Each(Words.ApproximationPrefixes);

    public static IEnumerable<object[]> ApproximationSuffixes() => Each(Words.ApproximationSuffixes);

    public static IEnumerable<object[]> ExportPhrases() => Each(Words.ExportPhrases.Where(w => !w.Contains('+', StringComparison.Ordinal)));

    public static IEnumerable<object[]> HelpPhrases() => Each(Words.HelpPhrases);

    public static IEnumerable<object[]> SpokenFillers() => Each(Words.SpokenFillers);

    public static IEnumerable<object[]> WorkplaceWords() =>
        Each(Words.UnitPlaceNouns.SelectMany(n => Vocabulary.PlaceSuffixes.Select(s => n + s).Concat(Vocabulary.WholePrefixes.Select(p => p + n))));

    public static IEnumerable<object[]> PointedUnits() =>
        from pointer in Words.NameLeadingPointers.Where(p => p.Length > 1).Concat(["这家", "那家", "这个", "那个"])
        from unit in (string[])["公司", "物业公司", "科技公司", "厂子", "店", "单位", "企业", "律所", "学校", "协会", "超市", "工厂"]
        select new object[] { pointer + unit };

    [Theory]
    [MemberData(nameof(VisitVerbs))]
    public void A_visit_verb_before_an_organisation_is_a_visit(string verb) =>
        Assert.Contains(Read($"今天{verb}青禾文化"), a => a is { Kind: ActionKind.Visit, Organization: Qinghe });

    [Theory]
    [MemberData(nameof(MotionVerbs))]
    public void A_motion_verb_right_before_an_organisation_is_a_visit(string verb) =>
        Assert.Contains(Read($"今天{verb}青禾文化了解情况"), a => a is { Kind: ActionKind.Visit, Organization: Qinghe });

    [Theory]
    [MemberData(nameof(StayVerbs))]
    public void A_stay_verb_after_being_at_or_coming_from_an_organisation_is_a_visit(string verb) =>
        Assert.True(((string[])[$"今天在青禾文化{verb}", $"今天刚从青禾文化{verb}"]).Any(text => Read(text).Any(a => a is { Kind: ActionKind.Visit, Organization: Qinghe })), verb);

    [Theory]
    [MemberData(nameof(StayPlaceVerbs))]
    public void A_verb_of_spending_time_before_a_place_closing_the_clause_is_a_visit(string verb) =>
        Assert.Contains(Read($"今天下午{verb}青禾文化"), a => a is { Kind: ActionKind.Visit, Organization: Qinghe });

    [Theory]
    [MemberData(nameof(DiscoveryVerbs))]
    public void A_discovery_verb_before_counted_members_is_a_discovery_of_them_all(string verb) =>
        Assert.Contains(Read($"今天在青禾文化{verb}2名党员"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 2 });

    [Theory]
    [MemberData(nameof(HireVerbs))]
    public void A_hiring_verb_before_counted_members_is_a_discovery_of_hired_members(string verb) =>
        Assert.Contains(Read($"青禾文化今天{verb}2名党员"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 2, Categories.Hired: 2 });

    [Theory]
    [MemberData(nameof(CompletionVerbs))]
    public void A_completion_verb_sets_up_a_party_body_and_a_trade_union_alike(string verb)
    {
        Assert.Contains(Read($"青禾文化的党支部今天{verb}"), a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Level: PartyOrganizationLevel.Branch });
        Assert.Contains(Read($"青禾文化的工会今天{verb}"), a => a is { Kind: ActionKind.WorkCoverage, Measure: WorkCoverageMeasure.TradeUnion });
    }

    [Theory]
    [MemberData(nameof(MassOrganizations))]
    public void A_mass_organisation_set_up_is_work_coverage_by_its_measure(string word, string measure) =>
        Assert.Contains(Read($"青禾文化今天成立了{word}"), a => a.Kind == ActionKind.WorkCoverage && a.Measure == Enum.Parse<WorkCoverageMeasure>(measure.Replace("_", "", StringComparison.Ordinal), ignoreCase: true));

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_status_word_said_of_an_organisation_updates_its_status(string word, string status) =>
        Assert.Contains(Read(word.EndsWith('了') ? $"青禾文化已经{word}" : $"青禾文化已经{word}了"), a => a.Kind == ActionKind.OrgUpdate && a.Status == Enum.Parse<OperatingStatus>(status, ignoreCase: true));

    [Theory]
    [MemberData(nameof(JointModes))]
    public void A_joint_mode_word_in_a_joint_formation_names_its_mode(string word, string mode) =>
        Assert.Contains(Read($"青禾文化和手造咖啡以{word}方式成立了联合党支部"), a => a.Kind == ActionKind.Formation && a.JointMode == Enum.Parse<JointMode>(mode, ignoreCase: true));

    [Theory]
    [MemberData(nameof(StaffWords))]
    public void A_staff_word_takes_the_head_count_said_after_it(string word) =>
        Assert.Contains(Read($"青禾文化{word}45人"), a => a is { Kind: ActionKind.OrgUpdate, Employees: 45 });

    [Theory]
    [MemberData(nameof(WorkplaceWords))]
    public void A_workplace_said_as_a_place_takes_the_head_count_and_names_no_organisation(string word)
    {
        var actions = Read($"今天走访了青禾文化，{word}45个人");
        Assert.Contains(actions, a => a is { Kind: ActionKind.Visit, Organization: Qinghe });
        Assert.Contains(actions, a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe, Employees: 45 });
    }

    [Theory]
    [MemberData(nameof(NoneWords))]
    public void A_none_word_before_members_says_there_are_none(string word) =>
        Assert.Contains(Read($"青禾文化{word}党员"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 });

    [Theory]
    [MemberData(nameof(NoneAfterOne))]
    public void One_member_then_a_none_word_says_there_are_none(string word) =>
        Assert.Contains(Read($"青禾文化党员一个{word}"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 });

    [Theory]
    [MemberData(nameof(Negations))]
    public void A_negation_before_the_verb_records_no_visit(string word) =>
        Assert.DoesNotContain(Read($"今天{word}走访青禾文化"), a => a.Kind == ActionKind.Visit);

    [Theory]
    [MemberData(nameof(PlanMarkers))]
    public void A_plan_marker_before_the_verb_records_no_visit(string word) =>
        Assert.DoesNotContain(Read($"{word}走访青禾文化"), a => a.Kind == ActionKind.Visit);

    [Theory]
    [MemberData(nameof(FactFillers))]
    public void A_fact_filler_between_members_and_their_figure_keeps_the_figure(string word) =>
        Assert.Contains(Read($"青禾文化党员{word}3名"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3 });

    [Theory]
    [MemberData(nameof(ApproximationPrefixes))]
    public void A_figure_after_an_approximation_is_left_out(string word) =>
        Assert.Contains(Read($"青禾文化员工{word}40人，党员3名"), a => a is { Kind: ActionKind.OrgUpdate, Employees: null, PartyMembers: 3 });

    [Theory]
    [MemberData(nameof(ApproximationSuffixes))]
    public void A_figure_before_an_approximation_is_left_out(string word) =>
        Assert.Contains(Read($"青禾文化员工40{word}人，党员3名"), a => a is { Kind: ActionKind.OrgUpdate, Employees: null, PartyMembers: 3 });

    [Theory]
    [MemberData(nameof(ExportPhrases))]
    public void An_export_phrase_after_a_scope_asks_for_its_ledger(string phrase) =>
        Assert.Equal(ActionKind.Export, Assert.Single(Read($"帮我把坂田街道的台账{phrase}")).Kind);

    [Theory]
    [MemberData(nameof(HelpPhrases))]
    public void A_help_phrase_alone_asks_for_help(string phrase) =>
        Assert.Equal(ActionKind.Help, Assert.Single(Read(phrase)).Kind);

    [Theory]
    [MemberData(nameof(SpokenFillers))]
    public void A_spoken_filler_changes_nothing(string filler)
    {
        var visit = Assert.Single(Read($"{filler}今天走访了青禾文化"));
        Assert.Equal((ActionKind.Visit, Qinghe), (visit.Kind, visit.Organization));
    }

    [Theory]
    [MemberData(nameof(PointedUnits))]
    public void A_pointer_with_a_kind_of_unit_is_never_an_organisation_name(string pointed)
    {
        var result = Understanding.Understand($"今天走访了{pointed}，党员有3名", FixtureLedger.Users()["u_zhang"], Now);
        Assert.All(result.Actions, a => Assert.Null(a.Organization));
        Assert.Contains("organization", result.Missing);
    }

    [Theory]
    [InlineData("今天去了工业区里一家科技公司，职工80，党员两名")]
    [InlineData("今天去了厂里一家配套的小公司，职工80，党员两名")]
    public void A_count_of_units_after_a_place_word_is_no_head_count(string text)
    {
        var update = Assert.Single(Read(text), a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal((80, 2), (update.Employees, update.PartyMembers));
    }

    [Theory]
    [InlineData("今儿个", "2026-12-10")]
    [InlineData("今个", "2026-12-10")]
    [InlineData("昨儿个", "2026-12-09")]
    [InlineData("昨个", "2026-12-09")]
    [InlineData("前儿个", "2026-12-08")]
    [InlineData("前儿", "2026-12-08")]
    [InlineData("大前儿个", "2026-12-07")]
    [InlineData("礼拜二", "2026-12-08")]
    [InlineData("上礼拜五", "2026-12-04")]
    [InlineData("上个星期六", "2026-12-05")]
    [InlineData("礼拜天", "2026-12-06")]
    [InlineData("周日", "2026-12-06")]
    [InlineData("十二月三号", "2026-12-03")]
    [InlineData("3日", "2026-12-03")]
    public void A_day_said_in_speech_dates_the_visit(string day, string date) =>
        Assert.Contains(Read($"{day}去青禾文化坐了坐"), a => a.Kind == ActionKind.Visit && a.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_head_count_said_with_hao_is_no_day()
    {
        var update = Assert.Single(Read("青禾文化员工三十号人，党员3名"));
        Assert.Equal((30, 3), (update.Employees, update.PartyMembers));
        Assert.NotEqual(new DateOnly(2026, 11, 30), update.Date);
    }

    /// <summary>The round's two vocabulary batches (first runs 0.725 and 0.900) stay where the work left them; their
    /// remaining misses (vo09, vo43) are clause structure, noted in docs/understanding.md.</summary>
    [Theory]
    [InlineData("understanding-r4-vocab.jsonl", 0.975)]
    [InlineData("understanding-r4-vocab-2.jsonl", 0.95)]
    public void The_vocabulary_batches_keep_their_score(string file, double floor)
    {
        var score = UnderstandingScorer.EvaluateFile(file, Understanding);
        Assert.True(score.CaseExact >= floor, $"{file}: {score}\n{string.Join("\n", score.Failures)}");
    }

    [Fact]
    public void Completion_verbs_and_workplace_forms_are_derived_into_their_classes_once()
    {
        var derived = Words.WithDerivedForms();
        Assert.Equal(Words.FormationVerbs.Count, derived.FormationVerbs.Count); // idempotent
        Assert.Contains("弄起来", Words.FormationVerbs);
        Assert.Contains("弄起来", Words.MassFormationVerbs);
        Assert.Contains("所里", Words.EmployeeWords);
        Assert.Contains("整个厂", Words.UnitNameRejects);

        var extended = Words.ExtendedWith(Vocabulary.Parse("""{"unit_place_nouns": ["档口"], "completion_verbs": ["落成"]}"""));
        Assert.Contains("档口里", extended.EmployeeWords);
        Assert.Contains("落成", extended.MassFormationVerbs);
    }
}
