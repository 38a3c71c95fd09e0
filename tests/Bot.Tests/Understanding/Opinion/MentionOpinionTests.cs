using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The mention opinion's parts on a small model trained here from written-out examples (what a unit is doing is said
/// around it): the masked text, repeatable training, the saved model, and the review's drop, doubt and add.
/// </summary>
public sealed class MentionOpinionTests
{
    private static readonly Lazy<MentionModel> Small = new(() => MentionModel.Train(Examples(), MentionFolds.Features()));

    private static readonly DateOnly Today = new(2026, 12, 9);

    /// <summary>Visits said with a verb or as a day's round, lookups, and plans, over a few days and phrasings.</summary>
    private static List<MentionExample> Examples()
    {
        string[] days = ["今天", "昨天", "前天", ""];
        var examples = new List<MentionExample>();
        foreach (var day in days)
        {
            examples.Add(Example($"{day}走访了○", "visit"));
            examples.Add(Example($"{day}去了一趟○，聊了聊", "visit"));
            examples.Add(Example($"{day}上午○ 下午○", "visit", "visit"));
            examples.Add(Example($"{day}上午去的○ 下午○", "visit", "visit"));
            examples.Add(Example($"帮我查一下○的情况", "org_lookup"));
            examples.Add(Example($"查查○什么情况", "org_lookup"));
            examples.Add(Example($"{day}打算去○看看", ""));
            examples.Add(Example($"下周准备去○", ""));
            examples.Add(Example($"听说老王{day}去了○", ""));
        }

        return examples;
    }

    /// <summary>A written-out example: one kind (or "" for none) per mark, in order.</summary>
    private static MentionExample Example(string text, params string[] kinds)
    {
        var at = text.Select((c, i) => (c, i)).Where(p => p.c == MentionText.Other).Select(p => p.i).ToList();
        return new MentionExample(text, at, [.. kinds.Select(k => (IReadOnlyList<string>)(k.Length == 0 ? [] : [k]))]);
    }

    [Fact]
    public void Masks_every_mention_as_one_mark_and_digits_as_zero()
    {
        var text = "今天走访了云启科技和青禾文化，发现2名党员";
        var masked = MentionText.Mask(text, [(5, 9), (10, 14)]);

        Assert.Equal("今天走访了○和○，发现0名党员", masked.Text);
        Assert.Equal([5, 7], masked.At);
    }

    [Fact]
    public void Training_is_repeatable_and_a_saved_model_scores_the_same()
    {
        var again = MentionModel.Train(Examples(), MentionFolds.Features());
        using var file = new MemoryStream();
        Small.Value.Save(file);
        file.Position = 0;
        var loaded = MentionModel.Load(file, MentionFolds.Features());
        var text = MentionText.Mask("昨天上午去了云启科技 下午青禾文化", [(6, 10), (13, 17)]);

        var scores = Small.Value.Score(text);
        Assert.Equal(scores, again.Score(text));
        Assert.Equal(scores, loaded.Score(text));
        Assert.Equal(2, scores.Length);
        Assert.All(scores, s => Assert.Equal(MentionModel.Kinds.Count, s.Length));
    }

    [Fact]
    public void A_file_of_another_recipe_is_refused()
    {
        using var file = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Throws<InvalidDataException>(() => MentionModel.Load(file, MentionFolds.Features()));
    }

    [Fact]
    public void Reads_what_each_unit_is_doing_from_the_words_around_it()
    {
        var visit = MentionModel.KindIndex("visit");
        var lookup = MentionModel.KindIndex("org_lookup");

        var round = Small.Value.Score(MentionText.Mask("昨天上午云启科技 下午青禾文化", [(4, 8), (11, 15)]));
        var asked = Small.Value.Score(MentionText.Mask("帮我查一下云启科技的情况", [(5, 9)]));
        var heard = Small.Value.Score(MentionText.Mask("听说老王昨天去了云启科技", [(8, 12)]));

        Assert.All(round, unit => Assert.True(unit[visit] > 0.5f, $"visit {unit[visit]}"));
        Assert.True(asked[0][lookup] > 0.5f && asked[0][visit] < 0.5f, $"lookup {asked[0][lookup]}, visit {asked[0][visit]}");
        Assert.True(heard[0][visit] < round[0][visit], $"hearsay {heard[0][visit]} vs a round {round[0][visit]}");
    }

    [Fact]
    public void Drops_a_record_the_classifier_rejects_and_adds_the_kind_it_is_sure_of_with_the_units_name()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var text = "帮我查一下云启科技的情况";
        var misread = new UnderstandingResult([new UnderstoodAction(ActionKind.Visit) { Organization = "深圳市云启科技有限公司", OrganizationId = 1, Date = Today }], []);
        var opinion = new MentionOpinion(Small.Value) { DropBelow = 0.3f, DoubtBelow = 0.4f, AddAbove = 0.5f };

        var reviewed = opinion.Review(misread, text, understanding.Index, Today);

        var only = Assert.Single(reviewed.Actions);
        Assert.Equal(ActionKind.OrgLookup, only.Kind);
        Assert.Equal(1, only.OrganizationId);
        Assert.False(only.Doubtful);
    }

    [Fact]
    public void Adds_a_visit_to_a_unit_of_a_days_round_the_rules_gave_nothing_on_that_days_date_and_asks_first()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var text = "昨天上午去的云启科技 下午青禾文化";
        var first = new UnderstoodAction(ActionKind.Visit) { Organization = "深圳市云启科技有限公司", OrganizationId = 1, Date = Today.AddDays(-1) };
        var opinion = new MentionOpinion(Small.Value) { DropBelow = 0.05f, DoubtBelow = 0.1f, AddAbove = 0.5f };

        var reviewed = opinion.Review(new UnderstandingResult([first], []), text, understanding.Index, Today);

        Assert.Equal(2, reviewed.Actions.Count);
        Assert.Same(first, reviewed.Actions[0]);
        var added = reviewed.Actions[1];
        Assert.Equal((ActionKind.Visit, 4, Today.AddDays(-1), true), (added.Kind, added.OrganizationId ?? 0, added.Date ?? default, added.Doubtful));
    }

    [Fact]
    public void Leaves_request_only_readings_and_messages_without_a_unit_alone()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var opinion = new MentionOpinion(() => throw new InvalidOperationException("no prediction expected"));
        var query = new UnderstandingResult([new UnderstoodAction(ActionKind.ProgressQuery)], []);
        var visit = new UnderstandingResult([new UnderstoodAction(ActionKind.Visit) { Date = Today }], ["organization"]);

        Assert.Same(query, opinion.Review(query, "帮我查一下云启科技的情况", understanding.Index, Today));
        Assert.Same(visit, opinion.Review(visit, "今天走访了一家", understanding.Index, Today));
    }
}
