using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A ledger unit's short name heard with other characters of the same sound: voice input writes 家和餐饮 for 佳和餐饮,
/// 人爱医院 for 仁爱医院, 恒心建筑 for 恒信建筑. A run is read as a ledger name (one the index derives: proper part + trade
/// words, 佳和 + 餐饮) when
/// <list type="bullet">
/// <item>its toneless pinyin (<see cref="Pinyin"/>) equals the name's;</item>
/// <item>its trade words are the name's, written the same: only the proper part is misheard;</item>
/// <item>its proper part changes exactly one character of the name's, the others kept in place (嘉禾餐饮 changes both
/// of 佳和: another unit, not a slip; a wrong unit is worse than a question);</item>
/// <item>it is no ledger name itself and no word of the dictionary people write (jieba's, at least
/// <see cref="SoundAlikes.RealWordFrequency"/>).</item>
/// </list>
/// Several units read alike give an ambiguous mention, as an exact short name shared by several does.
/// Cost: a pinyin key map built once per ledger; per text, a run is keyed only when its last character ends a name
/// of the map (the trade words are written the same), and the dictionary is asked only on a match.
/// </summary>
internal sealed class OrganizationSoundAlikes
{
    /// <summary>The shortest name read by sound (a proper part of two characters and a trade word of one).</summary>
    public const int MinLength = 3;

    private const int MaxKeys = 16;

    /// <summary>
    /// The accent merges a unit's name is heard through besides its own sound (round 20, r20-uunits): n/l (南海 for 蓝海) and
    /// the front and back nasals in/ing, en/eng (新辰 for 星辰), the merges most speakers of the south make; the slip must still
    /// change one character of the proper part and be no real word.
    /// </summary>
    private const SoundMerges NameMerges = SoundMerges.NL | SoundMerges.InIng | SoundMerges.EnEng;

    /// <summary>The toneless keys of <paramref name="word"/> with <see cref="NameMerges"/> applied to every syllable.</summary>
    private static IEnumerable<string> KeysOf(string word) =>
        Pinyin.Keys(word, MaxKeys).Select(k => string.Join(' ', k.Split(' ').Select(y => SoundAlikes.Merge(y, NameMerges)))).Distinct();

    private readonly Dictionary<string, List<Name>> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<char> lastCharacters = [];
    private readonly HashSet<ulong> oneOff = []; // each name with one character of its proper part masked (MaskedHash)
    private readonly Func<string, int> frequency;

    public OrganizationSoundAlikes(Func<string, int> frequency)
    {
        this.frequency = frequency ?? throw new ArgumentNullException(nameof(frequency));
    }

    /// <summary>The longest name of the map (0 when empty).</summary>
    public int Longest { get; private set; }

    /// <summary>A ledger name read by sound: <paramref name="name"/>, whose first <paramref name="properLength"/> characters are its proper part.</summary>
    public void Add(string name, int properLength)
    {
        if (name.Length < MinLength || properLength < 2 || properLength >= name.Length || !name.All(TextNormalizer.IsHan))
        {
            return;
        }

        foreach (var key in KeysOf(name))
        {
            if (!byKey.TryGetValue(key, out var names))
            {
                byKey[key] = names = [];
            }

            if (!names.Any(n => n.Text == name))
            {
                names.Add(new Name(name, properLength));
            }
        }

        lastCharacters.Add(name[^1]);
        for (var p = 0; p < properLength; p++)
        {
            oneOff.Add(MaskedHash(name, p));
        }

        Longest = Math.Max(Longest, name.Length);
    }

    /// <summary>
    /// False when <paramref name="run"/> can be heard as no name of the map: its last character ends none, it is not all
    /// Han, or it differs from every name of its length in more than one place (a hash of the run with one character masked,
    /// probed per place: no allocation). True says only that <see cref="HeardAs"/> may find one.
    /// </summary>
    public bool MayHear(ReadOnlySpan<char> run)
    {
        if (run.Length < MinLength || !lastCharacters.Contains(run[^1]))
        {
            return false;
        }

        foreach (var c in run)
        {
            if (!TextNormalizer.IsHan(c))
            {
                return false;
            }
        }

        // A slip keeps the trade words and changes one character of the proper part, so the last is never the one changed.
        for (var p = 0; p < run.Length - 1; p++)
        {
            if (oneOff.Contains(MaskedHash(run, p)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a over the characters with the one at <paramref name="masked"/> left out, and the length.</summary>
    private static ulong MaskedHash(ReadOnlySpan<char> text, int masked)
    {
        var hash = 14695981039346656037UL ^ (ulong)text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            hash = (hash ^ (i == masked ? 0xFFFFu : text[i])) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// The ledger names <paramref name="run"/> is heard as (distinct, possibly several), or none. The caller has made sure the
    /// run is no ledger name itself.
    /// </summary>
    public IReadOnlyList<string> HeardAs(string run)
    {
        if (run.Length < MinLength || !lastCharacters.Contains(run[^1]) || !run.All(TextNormalizer.IsHan))
        {
            return [];
        }

        List<string>? found = null;
        foreach (var key in KeysOf(run))
        {
            if (!byKey.TryGetValue(key, out var names))
            {
                continue;
            }

            foreach (var name in names)
            {
                if (name.Text.Length == run.Length && IsSlipOf(run, name) && !(found?.Contains(name.Text) ?? false))
                {
                    (found ??= []).Add(name.Text);
                }
            }
        }

        if (found is null || frequency(run) >= SoundAlikes.RealWordFrequency)
        {
            return [];
        }

        return found;
    }

    private static bool IsSlipOf(string run, Name name)
    {
        if (!run.AsSpan(name.ProperLength).SequenceEqual(name.Text.AsSpan(name.ProperLength)))
        {
            return false; // the trade words are heard right: 恒心建筑 is 恒信建筑, 恒信建住 is nothing
        }

        var changed = 0; // characters of the proper part heard otherwise
        for (var i = 0; i < name.ProperLength; i++)
        {
            changed += run[i] == name.Text[i] ? 0 : 1;
        }

        return changed == 1;
    }

    private sealed record Name(string Text, int ProperLength);
}
