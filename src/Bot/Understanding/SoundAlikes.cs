using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Stage 1c (after <see cref="SpokenFillers"/>, before the token layer): speech recognition and pinyin IMEs write a word
/// of the campaign with other characters of the same sound (当员 for 党员, 之部 for 支部, 走仿 for 走访, 公会 for 工会,
/// 书籍 for 书记), and an accent or an IME's fuzzy pinyin with a near sound (牛动 for 流动: n/l). Every rule keys on the
/// words, so a slip loses the fact. A run of two to four characters that is no word of the vocabulary, reads (toneless
/// pinyin, <see cref="Pinyin"/>) like a word of it and shares at least one character with it in the same place is read
/// as that word, unless
/// <list type="bullet">
/// <item>it is a word of the dictionary people write (jieba's, at least <see cref="RealWordFrequency"/>) used in its
/// own sense: 书籍 stays in 送了些书籍; only where the target's frame stands beside it is it the slip (书籍 + a surname is
/// 书记 + a name, 成立了 + 公会 is the 工会);</item>
/// <item>it lies inside an organisation's name (the index's mentions) or is a person's name after a role (书记陈立);</item>
/// <item>it straddles two real words (应当|建立 holds 当建, no slip of 党建), or a character it changes is too common to be
/// a slip (的, 是, 了, 有).</item>
/// </list>
/// The text keeps its length (a sound-alike has as many syllables as characters), so every offset stays the original's.
/// Cost: one pass over the 2–4-character runs with a set probe per character (does the run share a character with a
/// vocabulary word in that place), a key built only for the runs that do, and the dictionary only for a run that reads
/// like a vocabulary word.
/// </summary>
internal sealed class SoundAlikes
{
    /// <summary>A dictionary word at least this frequent (jieba's counts) is a real word, no slip, unless its frame says so (连合 21, 复盖 2 and 注消 3 are misprints; 结队 43, 公会 187, 书籍 1055 are words).</summary>
    public const int RealWordFrequency = 30;

    /// <summary>A character whose own frequency as a word is at least this is too common to be a slip (as the QA side's typo reader: 的, 是, 了, 有).</summary>
    public const int CommonCharacterFrequency = 150_000;

    private const int MaxKeys = 16;

    /// <summary>A character at least this frequent as a word of its own (说, 没, 那, 会, 个) beside a real word is that word, no slip.</summary>
    public const int LoneWordFrequency = 50_000;

    /// <summary>The longest run read (a key packs 10 bits a syllable and 3 for the length into a <c>ulong</c>).</summary>
    private const int MaxLength = 4;

    /// <summary>How many words the frequency memo holds at most (the text's runs, looked up once each).</summary>
    private const int MemoSize = 200_000;

    /// <summary>The merges measured safe over every own, development and blind case (docs/understanding.md, round 7).</summary>
    public const SoundMerges DefaultMerges = SoundMerges.All;

    private static readonly Lazy<WordSegmenter> Dictionary = new(() => new WordSegmenter([]));

    /// <summary>A word's frequency in jieba's dictionary (the QA side's); loaded on the first run that reads like a vocabulary word.</summary>
    public static int DictionaryFrequency(string word) => Dictionary.Value.Frequency(word);

    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string[]> byKey = [];
    private readonly Dictionary<ulong, string[]> byMergedKey = [];

    /// <summary>The keys of <see cref="byKey"/> and <see cref="byMergedKey"/> as bits of a 2^20-bit filter (<see cref="KeyBit"/>): most keys a run reads are no word's, and a bit test turns them away before the dictionary.</summary>
    private readonly ulong[] keyFilter = new ulong[1 << 14];
    private readonly ulong[] mergedKeyFilter = new ulong[1 << 14];
    /// <summary>Per character, the places (length and index) where it stands in a vocabulary word: bit <see cref="PlaceBit"/>; one array read per probe.</summary>
    private readonly ushort[] placesOf = new ushort[char.MaxValue + 1];
    private readonly HashSet<char> verbStarts;
    /// <summary>A character's syllable ids (null when the table reads none), indexed by the character: no hashing per character.</summary>
    private readonly int[]?[] syllables = new int[]?[char.MaxValue + 1];
    private readonly int[]?[] mergedSyllables = new int[]?[char.MaxValue + 1];
    private readonly HashSet<string> massWords;
    private readonly HashSet<string> formationVerbs;
    private readonly KeywordSet formedObjects;
    private readonly KeywordSet massVerbs;
    private readonly HashSet<string> roleWords;
    private readonly KeywordSet roleAndTitleWords;
    private readonly string surnames;
    private readonly HashSet<string> bodyModifiers;
    private readonly KeywordSet partyBodies;
    private readonly PersonNames names;
    private readonly Func<string, int> frequency;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> memo = new(StringComparer.Ordinal);

    /// <param name="vocabulary">The words the rules key on (<see cref="Targets"/>) and the frames of real words.</param>
    /// <param name="merges">The near sounds read as the same (none, or those measured safe: see docs/understanding.md).</param>
    /// <param name="frequency">A word's frequency in the dictionary people write (0 when it holds no such word).</param>
    public SoundAlikes(Vocabulary vocabulary, SoundMerges merges, Func<string, int> frequency)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        this.frequency = frequency ?? throw new ArgumentNullException(nameof(frequency));
        Merges = merges;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var mergedIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (c, readings) in Pinyin.All())
        {
            syllables[c] = [.. readings.Select(r => Id(ids, r)).Distinct()];
            // A near sound is heard from a character's first (commonest) reading only: 拆 read ca (拆烂污) is no near sound of 查.
            mergedSyllables[c] = [Id(mergedIds, Merge(readings[0], merges))];
        }

        foreach (var word in Targets(vocabulary))
        {
            if (!words.Add(word))
            {
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                placesOf[word[i]] |= PlaceBit(word.Length, i);
            }


            // Several vocabulary words of one sound (隐形/隐性, 支部/知部): a slip is read as the one sharing most characters in place.
            foreach (var key in Keys(word, syllables).Distinct())
            {
                byKey[key] = byKey.TryGetValue(key, out var same) ? [.. same, word] : [word];
            }

            foreach (var key in Keys(word, mergedSyllables).Distinct())
            {
                byMergedKey[key] = byMergedKey.TryGetValue(key, out var near) ? [.. near, word] : [word];
            }
        }

        foreach (var key in byKey.Keys)
        {
            keyFilter[KeyBit(key) >> 6] |= 1UL << (int)(KeyBit(key) & 63);
        }

        foreach (var key in byMergedKey.Keys)
        {
            mergedKeyFilter[KeyBit(key) >> 6] |= 1UL << (int)(KeyBit(key) & 63);
        }

        IEnumerable<string>[] verbs =
        [
            vocabulary.VisitVerbs, vocabulary.DiscoveryVerbs, vocabulary.HireVerbs, vocabulary.FormationVerbs, vocabulary.MassFormationVerbs,
            vocabulary.CompletionVerbs, vocabulary.InstructorVerbs, vocabulary.PairingVerbs,
        ];
        verbStarts = [.. verbs.SelectMany(v => v).Where(words.Contains).Select(w => w[0])];
        massWords = [.. vocabulary.MassOrganizations.Keys];
        formationVerbs = [.. vocabulary.FormationVerbs.Concat(vocabulary.MassFormationVerbs)];
        formedObjects = new KeywordSet(vocabulary.PartyOrganizationWords.Keys.Concat(vocabulary.MassOrganizations.Keys));
        massVerbs = new KeywordSet(vocabulary.MassFormationVerbs.Concat(vocabulary.CompletionVerbs));
        roleWords = [.. vocabulary.PredicateRoleNouns.Concat(vocabulary.ChainTitles)];
        roleAndTitleWords = new KeywordSet(vocabulary.PredicateRoleNouns.Concat(vocabulary.ChainTitles).Concat(vocabulary.Titles).Concat(vocabulary.InstructorWords));
        surnames = vocabulary.Surnames;
        bodyModifiers = [.. vocabulary.FunctionalWords.Concat(vocabulary.SingleWords).Concat(vocabulary.JointWords).Concat(vocabulary.JointModes.Keys)];
        partyBodies = new KeywordSet(vocabulary.PartyOrganizationWords.Keys);
        names = new PersonNames(vocabulary);
    }

    /// <summary>The near sounds this reader takes as the same.</summary>
    public SoundMerges Merges { get; }

    /// <summary>How many vocabulary words it reads slips of.</summary>
    public int Count => words.Count;

    /// <summary>
    /// Aspect particles: a verb with one (去了, 建了, 来过) is the rules' spelling of a verb, and its sound-alikes are other
    /// verbs with the particle (取了, 倒了, 见了), never a slip of it. A word they start (了解, 过去) is a word of its own.
    /// </summary>
    private static readonly char[] Particles = ['了', '过', '着', '的'];

    /// <summary>
    /// The words a slip is read as: the word classes the rules key on (verbs, nouns, statuses, mass organisations, staff
    /// words, …) and the campaign's terms (<c>sound_alike_terms</c>), two to four characters the pinyin table reads, no
    /// particle among them.
    /// </summary>
    public static IEnumerable<string> Targets(Vocabulary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        IEnumerable<string>[] classes =
        [
            v.SoundAlikeTerms, v.VisitVerbs, v.DiscoveryVerbs, v.HireVerbs, v.DiscoveryAfterVerbs, v.MemberCategories.Keys,
            v.CategoryShortWords.Keys, v.FormationVerbs, v.PartyOrganizationWords.Keys, v.SingleWords, v.JointWords,
            v.FunctionalWords, v.JointModes.Keys, v.LeaderMarkers, v.MassOrganizations.Keys, v.MassFormationVerbs,
            v.InstructorWords, v.InstructorVerbs, v.Statuses.Keys, v.StatusDescriptions, v.PairingVerbs, v.EmployeeWords,
            v.CompletionVerbs, v.PredicateRoleNouns, v.ChainTitles,
        ];
        // The classes the rules key on first (a tie between words of one sound goes to the first listed), then every other
        // term of every class (AllTerms).
        return classes.SelectMany(c => c).Concat(AllTerms(v, MarkerClasses))
            .Where(w => w.Length is >= 2 and <= MaxLength && w.All(c => TextNormalizer.IsHan(c) && Pinyin.Readings(c).Count > 0) && w.IndexOfAny(Particles, 1) < 0)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// The classes of function words (markers, fillers, pronouns, adverbs, quantities, the name reader's helpers, whole
    /// phrases and metric patterns), whose terms are no slip targets: short function words have many same-sound real
    /// neighbours (没/每, 那/哪, 均未/均为, 一至/一直, 律师说/律师所), and over the case files the stage with them read 40 such
    /// neighbours as the marker (docs/understanding.md, round 8). Every other class is read: a class added to the vocabulary
    /// is a target unless it is named here; every class is named here or in <see cref="ContentClasses"/>.
    /// </summary>
    public static readonly IReadOnlySet<string> MarkerClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Vocabulary.TotalStateWords), nameof(Vocabulary.ListJoiners), nameof(Vocabulary.MemberFigures),
        nameof(Vocabulary.RegionPrefixes), nameof(Vocabulary.LegalForms), nameof(Vocabulary.GenericWords), nameof(Vocabulary.Abbreviations),
        nameof(Vocabulary.AliasStopwords), nameof(Vocabulary.NameBoundaries), nameof(Vocabulary.NameRejects), nameof(Vocabulary.NameLeadingFillers),
        nameof(Vocabulary.ShortNameStops), nameof(Vocabulary.GenericOrganizationPhrases), nameof(Vocabulary.NegationMarkers),
        nameof(Vocabulary.PlanMarkers), nameof(Vocabulary.QuestionMarkers), nameof(Vocabulary.ApproximationPrefixes),
        nameof(Vocabulary.ApproximationSuffixes), nameof(Vocabulary.SequenceWords), nameof(Vocabulary.HelpPhrases), nameof(Vocabulary.HelpWords),
        nameof(Vocabulary.UndoWords), nameof(Vocabulary.UndoPhrases), nameof(Vocabulary.ExportPhrases), nameof(Vocabulary.LookupPhrases),
        nameof(Vocabulary.AdvicePhrases), nameof(Vocabulary.AdviceWithFiguresPhrases), nameof(Vocabulary.HowMarkers),
        nameof(Vocabulary.RespectivelyMarkers), nameof(Vocabulary.VisitNounFollowers), nameof(Vocabulary.PolicyDefinitionPhrases),
        nameof(Vocabulary.SpokenFillers), nameof(Vocabulary.PauseCorrectionMarkers), nameof(Vocabulary.VisitPlaceMarkers),
        nameof(Vocabulary.UnitNameRejects), nameof(Vocabulary.UnitHeadNouns), nameof(Vocabulary.UnitHeadCharacters), nameof(Vocabulary.UnitTradeWords), nameof(Vocabulary.UnitNameLeadingRejects),
        nameof(Vocabulary.UnitNameFunctionLeads), nameof(Vocabulary.UnitPlaceLinks), nameof(Vocabulary.SelfClaimAdverbs), nameof(Vocabulary.UnitNameNouns),
        nameof(Vocabulary.TotalWords), nameof(Vocabulary.PeopleMeasures), nameof(Vocabulary.FigureParticles),
        nameof(Vocabulary.TopicPlaceWords), nameof(Vocabulary.FactFillers), nameof(Vocabulary.AllMarkers), nameof(Vocabulary.AllTogetherMarkers),
        nameof(Vocabulary.ListIntroMarkers), nameof(Vocabulary.ClassDescriptionMarkers), nameof(Vocabulary.SingularMarkers),
        nameof(Vocabulary.LookupQuestions), nameof(Vocabulary.RequestMarkers), nameof(Vocabulary.CorrectionMarkers),
        nameof(Vocabulary.CorrectionLeads), nameof(Vocabulary.RequestModals), nameof(Vocabulary.TopicShiftMarkers),
        nameof(Vocabulary.ConditionalMarkers), nameof(Vocabulary.OrganizationPronouns), nameof(Vocabulary.SmallTalk),
        nameof(Vocabulary.SmallTalkFillers), nameof(Vocabulary.ProgressMetrics), nameof(Vocabulary.ScopeSuffixes),
        nameof(Vocabulary.CompoundSurnames), nameof(Vocabulary.NameStopwords), nameof(Vocabulary.StayAdverbs), nameof(Vocabulary.SettledWords),
        nameof(Vocabulary.SelfAgentPhrases), nameof(Vocabulary.NoneAfterOne), nameof(Vocabulary.ShowFollowups), nameof(Vocabulary.Demonstratives),
        nameof(Vocabulary.LongDoneMarkers), nameof(Vocabulary.NameLeadingPointers), nameof(Vocabulary.NoneWords), nameof(Vocabulary.FewWords),
        nameof(Vocabulary.FewContexts), nameof(Vocabulary.FewQuestionModals), nameof(Vocabulary.SameAsBeforeWords),
        nameof(Vocabulary.SettledAdverbs), nameof(Vocabulary.RevelationMarkers), nameof(Vocabulary.OnePersonMarkers),
        nameof(Vocabulary.HeadCountLeads), nameof(Vocabulary.VisitDayGapWords), nameof(Vocabulary.FormerStateMarkers),
        // Round 8's speech-act, agent and item classes: interrogatives, pronouns, agent and record words (那条, 哪些, 他, 帮我),
        // whose same-sound neighbours are everyday words (哪家 → 那家 had turned advice asked as 走哪条路 into a record).
        nameof(Vocabulary.SpeechActs), nameof(Vocabulary.ReportHeadingWords), nameof(Vocabulary.SelfAgentWords),
        nameof(Vocabulary.OtherAgentWords), nameof(Vocabulary.CompanionMarkers), nameof(Vocabulary.StandInMarkers),
        nameof(Vocabulary.NotSelfMarkers), nameof(Vocabulary.HeardFromVerbs), nameof(Vocabulary.FinderlessDiscoveryVerbs), nameof(Vocabulary.SelfDeclarationVerbs),
        nameof(Vocabulary.FigureAccount), // round 22 (r22-ufind): 还是, 一共 — markers of a figure's predicate, not slip targets
        nameof(Vocabulary.PartsFound), // round 21 (r21-ufind): 其中, 之前, 调来 — markers of a part of a total, not slip targets
        nameof(Vocabulary.EarlierRecordOpeners), nameof(Vocabulary.RecordNouns), nameof(Vocabulary.RetractionVerbs),
        nameof(Vocabulary.Apologies), nameof(Vocabulary.RestatementLeads), // round 21 (r21-uvisit): 不好意思, 重记 — markers of a correction, not slip targets
        nameof(Vocabulary.ServeVerbs), nameof(Vocabulary.AppointerWords), nameof(Vocabulary.PurposeVerbs), nameof(Vocabulary.PurposeLeads),
        nameof(Vocabulary.BotRequestMarkers), nameof(Vocabulary.RoundHeadingWords), nameof(Vocabulary.NewcomerMarkers), nameof(Vocabulary.MoodOperators), nameof(Vocabulary.WriteDoubts),
        nameof(Vocabulary.UnmeantRecords), // round 18 (r18-uextra): failed outcomes, talk verbs, attendance, no progress, question subordinators
        // Round 9's form classes (branch r9-uforms): keys, frames and record nouns of notes written as forms.
        nameof(Vocabulary.FormKeys), nameof(Vocabulary.FormFrames), nameof(Vocabulary.FormHeadingNouns), nameof(Vocabulary.FormEmptyValues),
        nameof(Vocabulary.NameClosingWords), nameof(Vocabulary.NamePrecedingWords), nameof(Vocabulary.PersonRoleKeys), nameof(Vocabulary.ElectedVerbs),
        nameof(Vocabulary.Asking), // round 10 (r10-uask): interrogative mood and the objects asked for
        // Round 10's repair classes (branch r10-urepair): periods, group leads, naming words and unrealized visits.
        nameof(Vocabulary.PeriodWords), nameof(Vocabulary.RepairGroupLeads), nameof(Vocabulary.NamingVerbs), nameof(Vocabulary.UnrealizedVisitWords),
        // Round 12 (branch r12-ucats): definitions' parts, name glosses, unit introducers, reversals, earlier reports.
        nameof(Vocabulary.MemberDefinitions), nameof(Vocabulary.CharacterGlossRadicals), nameof(Vocabulary.UnitIntroducers), nameof(Vocabulary.UnitPositionModifiers),
        nameof(Vocabulary.UnitObjectPrepositions), nameof(Vocabulary.PrepositionCompounds), // round 20 (r20-uunits)
        nameof(Vocabulary.ReversalMarkers), nameof(Vocabulary.EarlierReports),
        nameof(Vocabulary.HolderPhrases), // round 13 (r13-uroles): links, nickname prefixes, handing and change verbs of a holder phrase
        nameof(Vocabulary.FormingPhrases), // round 15 (r15-uform): cut nouns and their contexts, host links, relation phrases
    };

    /// <summary>
    /// The classes whose terms are slip targets besides the listed ones of <see cref="Targets"/>: every class is either here or
    /// in <see cref="MarkerClasses"/>, and a test fails on a class in neither, so a class added to the vocabulary is a
    /// decision (a new class of function words read as a target turned 哪 into 那 in round 8's merge).
    /// </summary>
    public static readonly IReadOnlySet<string> ContentClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Vocabulary.VisitVerbs), nameof(Vocabulary.MotionVerbs), nameof(Vocabulary.DiscoveryVerbs), nameof(Vocabulary.HireVerbs),
        nameof(Vocabulary.DiscoveryAfterVerbs), nameof(Vocabulary.MemberCategories), nameof(Vocabulary.CategoryShortWords),
        nameof(Vocabulary.FormationVerbs), nameof(Vocabulary.PartyOrganizationWords), nameof(Vocabulary.SingleWords), nameof(Vocabulary.JointWords),
        nameof(Vocabulary.FunctionalWords), nameof(Vocabulary.JointModes), nameof(Vocabulary.LeaderMarkers), nameof(Vocabulary.MassOrganizations),
        nameof(Vocabulary.MassFormationVerbs), nameof(Vocabulary.InstructorWords), nameof(Vocabulary.InstructorVerbs), nameof(Vocabulary.Statuses),
        nameof(Vocabulary.PairingVerbs), nameof(Vocabulary.EmployeeWords), nameof(Vocabulary.MemberTotalVerbs), nameof(Vocabulary.LookupObjects),
        nameof(Vocabulary.InstitutionSuffixes), nameof(Vocabulary.ClassNouns), nameof(Vocabulary.Titles), nameof(Vocabulary.VisitStayVerbs),
        nameof(Vocabulary.SplitMarkers), nameof(Vocabulary.FactChanges), nameof(Vocabulary.HostMarkers), nameof(Vocabulary.OrgTypeWords),
        nameof(Vocabulary.ChangeVerbs), nameof(Vocabulary.MemberDescriptions), nameof(Vocabulary.OwnScopeWords),
        nameof(Vocabulary.UnitPartNouns), nameof(Vocabulary.SendingVerbs), nameof(Vocabulary.LeaderFollowVerbs), nameof(Vocabulary.StatusDescriptions),
        nameof(Vocabulary.SecretaryServeVerbs), nameof(Vocabulary.StayPlaceVerbs), nameof(Vocabulary.VisitActivityVerbs), nameof(Vocabulary.ConfirmationMarkers), nameof(Vocabulary.StaffNouns), nameof(Vocabulary.CompletionVerbs), nameof(Vocabulary.UnitPlaceNouns),
        nameof(Vocabulary.ChainTitles), nameof(Vocabulary.PredicateRoleNouns), nameof(Vocabulary.SoundAlikeTerms),
        nameof(Vocabulary.ContactVerbs),
    };

    /// <summary>
    /// Every term of every word class of the vocabulary (each list's words, each map's keys and word values; a progress
    /// metric's patterns cut at | and +), whatever the class: read by reflection, so a class added to the vocabulary is
    /// in without a change here.
    /// </summary>
    public static IEnumerable<string> AllTerms(Vocabulary v, IReadOnlySet<string>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(v);
        foreach (var property in typeof(Vocabulary).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || skip?.Contains(property.Name) == true || property.GetValue(v) is not System.Collections.IEnumerable values || values is string)
            {
                continue;
            }

            foreach (var value in values)
            {
                IEnumerable<object?> parts = value switch
                {
                    string word => [word],
                    System.Collections.DictionaryEntry entry => [entry.Key, entry.Value],
                    _ when value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) =>
                        [type.GetProperty("Key")!.GetValue(value), type.GetProperty("Value")!.GetValue(value)],
                    _ => [],
                };
                foreach (var part in parts)
                {
                    var words = part switch
                    {
                        string word => [word],
                        IEnumerable<string> list => list,
                        _ => [],
                    };
                    foreach (var term in words.SelectMany(w => w.Split(['|', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    {
                        yield return term;
                    }
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> with its sound-alike slips read as the vocabulary's words (same length). <paramref name="keep"/>
    /// gives the spans never changed (the organisations' names); it is called only when a slip is found.
    /// </summary>
    public string Correct(string text, Func<string, IReadOnlyList<(int Start, int End)>> keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keep);
        char[]? corrected = null;
        IReadOnlyList<(int Start, int End)>? kept = null;
        // How many characters the table reads from each position on (a run is read only where all of it is).
        Span<byte> readable = text.Length <= 512 ? stackalloc byte[text.Length + 1] : new byte[text.Length + 1];
        readable[text.Length] = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            readable[i] = TextNormalizer.IsHan(text[i]) && syllables[text[i]] is not null ? (byte)Math.Min(MaxLength, readable[i + 1] + 1) : (byte)0;
        }

        for (var at = 0; at + 1 < text.Length; at++)
        {
            for (var n = readable[at]; n >= 2; n--)
            {
                if (Candidate(text, at, n) is not { } word || !IsSlip(text, at, n, word))
                {
                    continue;
                }

                kept ??= keep(text);
                if (Overlaps(kept, at, at + n))
                {
                    continue;
                }

                corrected ??= text.ToCharArray();
                word.CopyTo(0, corrected, at, n);
                at += n - 1;
                break;
            }
        }

        return corrected is null ? text : new string(corrected);
    }

    /// <summary>The vocabulary word the run at <paramref name="at"/> (characters the table reads) reads like (same or merged sound, a character shared in place), or null.</summary>
    internal string? Candidate(string text, int at, int n)
    {
        var shares = false;
        for (var i = 0; i < n && !shares; i++)
        {
            shares = (placesOf[text[at + i]] & PlaceBit(n, i)) != 0;
        }

        if (!shares)
        {
            return null;
        }

        var run = text.AsSpan(at, n);
        if (words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(run))
        {
            return null;
        }

        return Find(text, at, n, syllables, byKey, keyFilter) ?? (Merges == SoundMerges.None ? null : Find(text, at, n, mergedSyllables, byMergedKey, mergedKeyFilter));
    }

    /// <summary>A key's bit in the 2^20-bit filters (Fibonacci hashing: the top 20 bits of the key times 2^64/φ).</summary>
    private static ulong KeyBit(ulong key) => (key * 0x9E3779B97F4A7C15UL) >> 44;

    private static string? Find(string text, int at, int n, int[]?[] table, Dictionary<ulong, string[]> keyed, ulong[] filter)
    {
        Span<ulong> keys = stackalloc ulong[MaxKeys];
        keys[0] = 0;
        var count = 1;
        for (var i = 0; i < n; i++)
        {
            var ids = table[text[at + i]]!;
            var next = Math.Min(MaxKeys, count * ids.Length);
            // Expand in place from the end so each old key is read before it is overwritten.
            for (var k = next - 1; k >= 0; k--)
            {
                keys[k] = keys[k / ids.Length] * 1024 + (ulong)(ids[k % ids.Length] + 1);
            }

            count = next;
        }

        string? best = null;
        var bestShared = 0;
        for (var k = 0; k < count; k++)
        {
            var key = keys[k] * 8 + (ulong)n;
            var bit = KeyBit(key);
            if ((filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0 || !keyed.TryGetValue(key, out var same))
            {
                continue;
            }

            foreach (var word in same)
            {
                var shared = SharedInPlace(text, at, word);
                if (shared > bestShared)
                {
                    (best, bestShared) = (word, shared);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A word's frequency in the dictionary, memoised by the text's span: the first look-up of a word makes its string, the
    /// next ones allocate nothing.
    /// </summary>
    private int Frequency(ReadOnlySpan<char> word)
    {
        if (memo.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var known))
        {
            return known;
        }

        var key = word.ToString();
        var found = frequency(key);
        if (memo.Count < MemoSize)
        {
            memo.TryAdd(key, found);
        }

        return found;
    }

    private bool IsSlip(string text, int at, int n, string word)
    {
        var end = at + n;
        var changed = 0;
        var changedAt = -1;
        var changesCommon = false;
        // A figure's measure word or unit starts no run (3名|党源: 名党 is no slip of 名单; 14号|在 is no 耗在), nor does a particle that closes the verb
        // before it (送了|些书籍: 了些 is no slip of 了解).
        if (at > 0 && ((IsMeasure(text[at]) && IsFigure(text[at - 1])) || (Particles.Contains(text[at]) && TextNormalizer.IsHan(text[at - 1]))))
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            if (text[at + i] == word[i])
            {
                continue;
            }

            // A numeral is a figure, never a slip (四十八 is no 是十八).
            if (IsFigure(text[at + i]))
            {
                return false;
            }

            // A frequent character (≥ 10,000 as a word) is heard by its commonest reading: 些 read suo (楚辞) is no slip of 所
            // (会些 is no 会所). A rare one may be heard by any reading.
            if (Array.IndexOf(syllables[word[i]]!, syllables[text[at + i]]![0]) < 0 && mergedSyllables[text[at + i]]![0] != mergedSyllables[word[i]]![0]
                && Frequency(text.AsSpan(at + i, 1)) >= 10_000)
            {
                return false;
            }

            changed++;
            changedAt = i;
            // A character that starts a verb of the vocabulary (找 of 找到, 发 of 发现) was chosen as that verb: "新找着" is
            // 新 + 找着, no slip of 新招.
            if (verbStarts.Contains(text[at + i]))
            {
                return false;
            }

            changesCommon |= Frequency(text.AsSpan(at + i, 1)) >= CommonCharacterFrequency;
        }

        // A very common character (的, 是, 了, 年) is no slip in a short run, where it is most likely itself; in a run of
        // three or four of which two or more stay (正是党员 → 正式党员, 区域年建 → 区域联建) the run says which word it is.
        if (changesCommon && (n < 3 || n - changed < 2))
        {
            return false;
        }

        // One changed character at the edge of a run whose rest is a real word, itself a word people say on its own (律师|说,
        // 没|党员, 那|几个): two words, no slip; a rarer one (指导|原) is the slip.
        if (n >= 3 && changed == 1 && (changedAt == 0 || changedAt == n - 1)
            && Frequency(text.AsSpan(changedAt == 0 ? at + 1 : at, n - 1)) >= RealWordFrequency
            && Frequency(text.AsSpan(at + changedAt, 1)) >= LoneWordFrequency)
        {
            return false;
        }

        if (IsPersonsName(text, at) || Straddles(text, at, end))
        {
            return false;
        }

        return Frequency(text.AsSpan(at, n)) < RealWordFrequency || InTargetsFrame(text, at, end, word);
    }

    /// <summary>
    /// A real word is the slip only in its target's frame, the slot it would fill: a mass organisation right after its verb
    /// (成立了公会) or with its verb later in the clause (公会当天也成立了, 公会上周三也已经成立了, 把公会弄起来); a formation verb
    /// right before the organisation it forms (组件了党支部); a role right before a person's name or a holder phrase
    /// (书籍周海涛, 书籍是王海, 书籍是店长 叫梁国栋); a method or mode right before the party body (功能性党支部).
    /// </summary>
    private bool InTargetsFrame(string text, int at, int end, string word)
    {
        if (massWords.Contains(word))
        {
            var before = at > 0 && text[at - 1] == '了' ? at - 1 : at;
            for (var start = Math.Max(0, before - 5); start < before; start++)
            {
                if (massVerbs.MatchAt(text, start, before) is { } verb && start + verb.Length == before)
                {
                    return true;
                }
            }

            // The verb said later in the clause, a day and adverbs between (公会上周三也已经成立了).
            for (var gap = 0; gap <= 8 && end + gap < text.Length && TextNormalizer.IsHan(text[end + gap]); gap++)
            {
                if (massVerbs.MatchAt(text, end + gap) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        if (formationVerbs.Contains(word))
        {
            // A formation verb's object: a party organisation or a mass organisation right after it (组件了党支部 → 组建).
            var next = end;
            while (next < text.Length && next - end < 2 && text[next] is '了' or '起' or '出' or '成')
            {
                next++;
            }

            return formedObjects.MatchAt(text, next) is not null;
        }

        if (roleWords.Contains(word))
        {
            // Its holder after it: a surname, or a holder phrase that describes the person by a title first (书籍是店长 叫梁国栋).
            var name = end < text.Length && text[end] is '是' or '为' or '叫' ? end + 1 : end;
            return name < text.Length && (surnames.Contains(text[name], StringComparison.Ordinal)
                || (names.ReadHolder(text, name) is { } holder && text.IndexOf(holder, name, StringComparison.Ordinal) is var holderAt and > 0
                    && roleAndTitleWords.ContainsAny(text, name, holderAt)));
        }

        if (bodyModifiers.Contains(word))
        {
            // A method or mode of forming said right before the party body it qualifies (功能性党支部 → 功能型).
            var next = end < text.Length && text[end] == '的' ? end + 1 : end;
            return partyBodies.MatchAt(text, next) is not null;
        }

        return false;
    }

    /// <summary>A surname right after a role or title (书记陈立, 书记是刘东, 由…, 工会主席 陈立 with a spoken space) starts a person's name, never a slip.</summary>
    private bool IsPersonsName(string text, int at)
    {
        if (!surnames.Contains(text[at], StringComparison.Ordinal) || at == 0)
        {
            return false;
        }

        var spaced = at >= 2 && text[at - 1] == ' ' ? at - 1 : at;
        var before = text[spaced - 1] is '是' or '为' or '叫' ? spaced - 1 : spaced;
        if (text[at - 1] == '由')
        {
            return true;
        }

        for (var start = Math.Max(0, before - 6); start < before; start++)
        {
            if (roleAndTitleWords.MatchAt(text, start, before) is { } role && start + role.Length == before)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The run's first character closes a real word begun before it, or its last opens one going on after it (应当|建立
    /// holds 当建): two words, no slip. A vocabulary word said right after the run (年合|成立: 合成 is a word, but 成立 is
    /// said) or right before it, or a figure's measure word before it (3名|流东), does not count.
    /// </summary>
    private bool Straddles(string text, int at, int end)
    {
        // A vocabulary word said in full that ends on the run's first character or begins on its last (质检员|里: 员里 is no
        // slip of 院里) owns that character: the run straddles it.
        var vocabulary = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var n = 2; n <= 4; n++)
        {
            if ((at + 1 - n >= 0 && vocabulary.Contains(text.AsSpan(at + 1 - n, n)))
                || (end - 1 + n <= text.Length && vocabulary.Contains(text.AsSpan(end - 1, n))))
            {
                return true;
            }
        }

        var wordAfter = false;
        for (var n = 4; n >= 2 && !wordAfter; n--)
        {
            wordAfter = end + n <= text.Length && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(end, n));
        }

        // A measure word right after a figure goes with the figure ("3名|流东党员": 名流 is no word here).
        var wordBefore = at >= 2 && text[at - 1] is '名' or '个' or '位' or '家' or '人'
            && (char.IsAsciiDigit(text[at - 2]) || ChineseNumber.IsNumeralChar(text[at - 2]));
        for (var n = 4; n >= 2 && !wordBefore; n--)
        {
            wordBefore = at - n >= 0 && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(at - n, n));
        }

        for (var k = 1; k <= 3; k++)
        {
            // A numeral and the run's first character (一|帮辅, 3名) are a figure and its measure word, not a word of their own.
            if (!wordBefore && at - k >= 0 && !(k == 1 && ChineseNumber.IsNumeralChar(text[at - 1]))
                && AllHan(text, at - k, k + 1) && Frequency(text.AsSpan(at - k, k + 1)) is var closing and >= RealWordFrequency
                && (k > 1 || !WordEndsAt(text, at, closing)))
            {
                return true;
            }

            if (!wordAfter && end - 1 + k < text.Length && AllHan(text, end - 1, k + 1)
                && Frequency(text.AsSpan(end - 1, k + 1)) is var opening and >= RealWordFrequency && (k > 1 || !WordStartsAt(text, end, opening)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A dictionary word at least as frequent as a straddling word of two characters ends right before the run (今天|花现:
    /// 今天 beats 天花), so the text is cut there and the run stands alone. A straddling word of three or more (指导员 over
    /// 指导|员定) always holds.
    /// </summary>
    private bool WordEndsAt(string text, int at, int straddling)
    {
        for (var m = 2; m <= 3 && at - m >= 0; m++)
        {
            if (AllHan(text, at - m, m) && Frequency(text.AsSpan(at - m, m)) >= Math.Max(RealWordFrequency, straddling))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dictionary word at least as frequent as the straddling one starts right after the run (自工|大概: 大概 beats 工大).</summary>
    private bool WordStartsAt(string text, int end, int straddling)
    {
        for (var m = 2; m <= 3 && end + m <= text.Length; m++)
        {
            if (AllHan(text, end, m) && Frequency(text.AsSpan(end, m)) >= Math.Max(RealWordFrequency, straddling))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMeasure(char c) => c is '名' or '个' or '位' or '家' or '人' or '份' or '条' or '张' or '次' or '批' or '项' or '间' or '号' or '日' or '月' or '年' or '点' or '天' or '周' or '岁' or '元' or '块';

    private static bool IsFigure(char c) => char.IsAsciiDigit(c) || ChineseNumber.IsNumeralChar(c);

    private static bool AllHan(string text, int at, int n)
    {
        for (var i = at; i < at + n; i++)
        {
            if (!TextNormalizer.IsHan(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SharedInPlace(string text, int at, string word)
    {
        var shared = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (text[at + i] == word[i])
            {
                shared++;
            }
        }

        return shared;
    }

    private static bool Overlaps(IReadOnlyList<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (s, e) in spans)
        {
            if (s < end && start < e)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bit of a place in a word of 2–4 characters (length − 2) × 4 + index: 12 bits.</summary>
    private static ushort PlaceBit(int length, int index) => (ushort)(1 << (((length - 2) * 4) + index));

    private static int Id(Dictionary<string, int> ids, string syllable)
    {
        if (!ids.TryGetValue(syllable, out var id))
        {
            ids[syllable] = id = ids.Count;
        }

        return id;
    }

    private static IEnumerable<ulong> Keys(string word, int[]?[] table)
    {
        var keys = new List<ulong> { 0 };
        foreach (var c in word)
        {
            var ids = table[c]!;
            keys = [.. keys.SelectMany(k => ids.Select(id => k * 1024 + (ulong)(id + 1))).Take(MaxKeys)];
        }

        return keys.Select(k => k * 8 + (ulong)word.Length);
    }

    /// <summary>A syllable as the merges hear it (n→l, f→h, zh→z, ch→c, sh→s, ang→an, eng→en, ing→in).</summary>
    internal static string Merge(string syllable, SoundMerges merges)
    {
        var s = syllable;
        if (merges.HasFlag(SoundMerges.ZhZ) && s.StartsWith("zh", StringComparison.Ordinal))
        {
            s = "z" + s[2..];
        }
        else if (merges.HasFlag(SoundMerges.ChC) && s.StartsWith("ch", StringComparison.Ordinal))
        {
            s = "c" + s[2..];
        }
        else if (merges.HasFlag(SoundMerges.ShS) && s.StartsWith("sh", StringComparison.Ordinal))
        {
            s = "s" + s[2..];
        }
        else if (merges.HasFlag(SoundMerges.NL) && s.StartsWith('n') && s != "n" && s != "ng")
        {
            s = "l" + s[1..];
        }
        else if (merges.HasFlag(SoundMerges.FH) && s.StartsWith('f'))
        {
            // fu ↔ hu, fa ↔ hua, fei ↔ hui, fan ↔ huan, fang ↔ huang, fen ↔ hun, feng ↔ hong (the finals after h).
            s = s switch
            {
                "fu" => "hu",
                "fei" => "hui",
                "feng" => "hong",
                "fen" => "hun",
                "fo" => "huo",
                "fou" => "hou",
                _ => "hu" + s[1..],
            };
        }

        if (merges.HasFlag(SoundMerges.AnAng) && s.EndsWith("ang", StringComparison.Ordinal) && !s.EndsWith("iang", StringComparison.Ordinal) && !s.EndsWith("uang", StringComparison.Ordinal))
        {
            s = s[..^1];
        }
        else if (merges.HasFlag(SoundMerges.EnEng) && s.EndsWith("eng", StringComparison.Ordinal))
        {
            s = s[..^1];
        }
        else if (merges.HasFlag(SoundMerges.InIng) && s.EndsWith("ing", StringComparison.Ordinal))
        {
            s = s[..^1];
        }

        return s;
    }
}

/// <summary>Near sounds heard as the same: southern accents and the fuzzy-pinyin settings of IMEs (模糊音).</summary>
[Flags]
public enum SoundMerges
{
    None = 0,

    /// <summary>n/l: 牛动 for 流动, 年合 for 联合.</summary>
    NL = 1,

    /// <summary>f/h: 湖盖 for 覆盖.</summary>
    FH = 2,

    /// <summary>zh/z: 党资部 for 党支部.</summary>
    ZhZ = 4,

    /// <summary>ch/c: 层立 for 成立.</summary>
    ChC = 8,

    /// <summary>sh/s.</summary>
    ShS = 16,

    /// <summary>an/ang.</summary>
    AnAng = 32,

    /// <summary>en/eng: 陈立 and 成立.</summary>
    EnEng = 64,

    /// <summary>in/ing.</summary>
    InIng = 128,

    All = NL | FH | ZhZ | ChC | ShS | AnAng | EnEng | InIng,
}
