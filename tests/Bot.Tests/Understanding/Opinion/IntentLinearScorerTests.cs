using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The intent model's weights applied directly give the prediction engine's probabilities: over every shipped training
/// text, over texts cut, joined and salted with characters the dictionary never saw, and over a saved and loaded model.
/// </summary>
public sealed class IntentLinearScorerTests
{
    private static readonly Lazy<IntentModel> Shipped = new(() => IntentModel.Train(IntentExample.Shipped()));

    private const float Tolerance = 2e-5f;

    [Fact]
    public void Every_shipped_training_text_scores_as_through_the_engine()
    {
        var model = Shipped.Value;
        Assert.True(model.ScoresWithoutEngine);
        var texts = IntentExample.Shipped().Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(texts.Count > 1000, $"{texts.Count} texts");

        var worst = texts.Max(text => Difference(model, text));

        Assert.True(worst < Tolerance, $"largest difference {worst}");
    }

    [Fact]
    public void Unseen_characters_blanks_markers_and_long_or_empty_texts_score_as_through_the_engine()
    {
        var model = Shipped.Value;
        var random = new Random(20261206);
        var pieces = IntentExample.Shipped().Select(e => e.Text).Take(400).ToArray();
        var texts = new List<string> { "", " ", "◎", "0", "|", "<␂>", "a|b", "\u0002", "\u0003\u0002", "😀😀", new string('党', 3000) };
        for (var i = 0; i < 300; i++)
        {
            var text = pieces[random.Next(pieces.Length)];
            var cut = random.Next(text.Length + 1);
            texts.Add(text[..cut] + (char)random.Next(0x4E00, 0x9FFF) + "  " + pieces[random.Next(pieces.Length)] + text[cut..] + " |<␠>");
        }

        foreach (var text in texts)
        {
            var difference = Difference(model, text);
            Assert.True(difference < Tolerance, $"{difference} on a text of {text.Length} characters");
        }
    }

    [Fact]
    public void A_saved_and_loaded_model_still_scores_without_the_engine_and_alike()
    {
        using var stream = new MemoryStream();
        Shipped.Value.Save(stream);
        stream.Position = 0;

        var loaded = IntentModel.Load(stream);

        Assert.True(loaded.ScoresWithoutEngine);
        const string text = "今天上午走访了◎，职工00人，党员0名";
        Assert.True(Difference(loaded, text) < Tolerance);
        Assert.Equal(Shipped.Value.Score(text).Top, loaded.Score(text).Top);
    }

    [Theory]
    [InlineData("<␂>|今|天", "\u0002今天")]
    [InlineData("◎|<␠>|负", "◎ 负")]
    [InlineData("员|<␃>", "员\u0003")]
    [InlineData("|", "|")]
    [InlineData("a|||b", "a|b")]
    public void Slot_names_read_as_the_characters_they_stand_for(string slot, string characters)
    {
        ulong expected = 0;
        foreach (var c in characters)
        {
            expected = (expected << 16) | c;
        }

        Assert.Equal(expected | ((ulong)characters.Length << 48), IntentLinearScorer.ParseSlot(slot));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a|b|c|d")]
    [InlineData("ab|c")]
    [InlineData("a|")]
    public void Slot_names_of_another_shape_are_refused(string slot) => Assert.Null(IntentLinearScorer.ParseSlot(slot));

    private static float Difference(IntentModel model, string text)
    {
        var direct = model.Score(text);
        var engine = model.ScoreWithEngine(text);
        return model.Labels.Max(label => Math.Abs(direct.Of(label) - engine.Of(label)));
    }
}
