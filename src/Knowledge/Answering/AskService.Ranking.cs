using System.Collections;

namespace InstructorBot.Knowledge.Answering;

public sealed partial class AskService
{
    /// <summary>
    /// The candidate sentences best first, as <c>OrderByDescending(Score)</c> orders them (ties in candidate order), made
    /// exact only as far as it is read (docs/knowledge.md, round 10, r10-qcost). A sentence whose bank match is not yet
    /// computed stands at an upper bound of its score (<see cref="BankMatcher.Bound"/>); when such a sentence comes first
    /// its match is computed and it goes back at its exact score, so a sentence is handed out only when no other can
    /// precede it: the order read is the exhaustive order, while the sentences below the places read are never matched
    /// question by question.
    /// </summary>
    private sealed class Ranking : IEnumerable<ScoredSentence>
    {
        private readonly Candidates all;
        private readonly PriorityQueue<int, (double Score, int Order)> queue = new(ByRank.Instance);
        private readonly List<ScoredSentence> handed = [];

        /// <summary>The passages handed out so far, when only each passage's first sentence is (<see cref="FirstOfEachPassage"/>).</summary>
        private readonly HashSet<Search.PassageHit>? passages;

        private Ranking(Candidates all, IEnumerable<int> members, bool firstOfEachPassage = false)
        {
            this.all = all;
            passages = firstOfEachPassage ? [] : null;
            var count = 0;
            foreach (var i in members)
            {
                queue.Enqueue(i, (all.Known(i) ? all.Exact(i).Score : all.Bounds[i], i));
                count++;
            }

            Count = count;
        }

        /// <summary>The candidates in candidate order, any bank matches left to compute by <paramref name="exact"/> on demand.</summary>
        /// <param name="bounds">Each candidate's score with its bank match at an upper bound (its exact score when it has none to compute).</param>
        /// <param name="pending">Whether a candidate's bank match is yet to be computed.</param>
        public static Ranking Lazy(IReadOnlyList<ScoredSentence> candidates, double[] bounds, bool[] pending, Func<int, ScoredSentence> exact) =>
            new(new Candidates(candidates, bounds, pending, exact), Enumerable.Range(0, candidates.Count));

        /// <summary>Candidates already exact: sorted as <c>OrderByDescending(Score)</c> sorts them.</summary>
        public static Ranking Exact(IReadOnlyList<ScoredSentence> candidates) =>
            Lazy(candidates, [.. candidates.Select(c => c.Score)], new bool[candidates.Count], i => candidates[i]);

        /// <summary>How many candidates the ranking holds (for <see cref="FirstOfEachPassage"/>: at most how many it hands out).</summary>
        public int Count { get; }

        /// <summary>Every candidate, in no particular order, bank match not necessarily computed (for what order does not change).</summary>
        public IReadOnlyList<ScoredSentence> Unordered => all.Items;

        public ScoredSentence this[int place] => TryGet(place, out var sentence) ? sentence : throw new ArgumentOutOfRangeException(nameof(place));

        /// <summary>
        /// The candidates <paramref name="member"/> keeps, in this ranking's order. It reads only what is known before the bank
        /// match (the passage, the sentence, <see cref="ScoredSentence.Plain"/>, <see cref="ScoredSentence.Order"/>).
        /// </summary>
        public Ranking Among(Func<ScoredSentence, bool> member) =>
            new(all, Enumerable.Range(0, all.Items.Count).Where(i => member(all.Items[i])));

        /// <summary>
        /// The first sentence of each passage in this ranking's order (as a loop that skips a passage met before reads it): a
        /// sentence below its passage's first is never matched for it.
        /// </summary>
        public Ranking FirstOfEachPassage() => new(all, queue.UnorderedItems.Select(e => e.Element).Order(), firstOfEachPassage: true);

        public IEnumerator<ScoredSentence> GetEnumerator()
        {
            for (var place = 0; TryGet(place, out var sentence); place++)
            {
                yield return sentence;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private bool TryGet(int place, out ScoredSentence sentence)
        {
            while (handed.Count <= place)
            {
                if (Next() is not { } next)
                {
                    sentence = null!;
                    return false;
                }

                handed.Add(next);
            }

            sentence = handed[place];
            return true;
        }

        private ScoredSentence? Next()
        {
            while (queue.TryDequeue(out var i, out _))
            {
                if (passages is not null && passages.Contains(all.Items[i].Hit))
                {
                    // A later sentence of a passage already handed out: never read.
                    continue;
                }

                if (all.Known(i))
                {
                    // Exact and first: every other candidate's exact score is at most its bound, which is not above this.
                    if (!queue.TryPeek(out _, out var next) || ByRank.Instance.Compare((all.Exact(i).Score, i), next) <= 0)
                    {
                        passages?.Add(all.Items[i].Hit);
                        return all.Exact(i);
                    }
                }

                queue.Enqueue(i, (all.Exact(i).Score, i));
            }

            return null;
        }

        /// <summary>Higher score first, then earlier candidate (the stable order of OrderByDescending).</summary>
        private sealed class ByRank : IComparer<(double Score, int Order)>
        {
            public static readonly ByRank Instance = new();

            public int Compare((double Score, int Order) x, (double Score, int Order) y)
            {
                var byScore = y.Score.CompareTo(x.Score);
                return byScore != 0 ? byScore : x.Order.CompareTo(y.Order);
            }
        }

        /// <summary>The candidates shared by a ranking and its sub-rankings: a bank match is computed once.</summary>
        private sealed class Candidates(IReadOnlyList<ScoredSentence> items, double[] bounds, bool[] pending, Func<int, ScoredSentence> exact)
        {
            private readonly ScoredSentence?[] computed = new ScoredSentence?[items.Count];

            public IReadOnlyList<ScoredSentence> Items => items;

            public double[] Bounds => bounds;

            public bool Known(int i) => !pending[i] || computed[i] is not null;

            public ScoredSentence Exact(int i) => !pending[i] ? items[i] : computed[i] ??= exact(i);
        }
    }
}
