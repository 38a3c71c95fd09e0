using InstructorBot.Knowledge.Documents;
using InstructorBot.Knowledge.Ingestion;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The documents' own definitions (<see cref="Definitions"/>): extracted from the shipped corpus and 001 as ingestion reads
/// them, and used so that a question describing a thing in the documents' describing words reaches the sentence naming it.
/// </summary>
public sealed class DefinitionTests(ITestOutputHelper output)
{
    private static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported).Append(TestFolder.Data("documents", "001-quality-plan.txt"));

    [Fact]
    public void Reads_the_definitions_of_the_shipped_corpus_and_001()
    {
        var found = CorpusFiles().SelectMany(f => Definitions.OfDocument(DocumentReader.Read(f).Passages.Select(p => p.Text))).Distinct().ToList();
        foreach (var d in found)
        {
            output.WriteLine($"{d.Term}\t{d.Description}");
        }

        output.WriteLine($"{found.Count} definitions");
        Assert.InRange(found.Count, 20, 200);
        (string Term, string Described)[] expected =
        [
            ("五个清", "经营运行情况清"), ("六个清楚", "党组织情况清"), ("新就业群体", "网约工"), ("新就业群体", "网络主播"),
            ("空壳", "有名无实"), ("僵尸", "久不运转"), ("影子", "多重注册"),
        ];
        foreach (var (term, described) in expected)
        {
            Assert.Contains(found, d => d.Term == term && d.Description.Contains(described, StringComparison.Ordinal));
        }

        // A list merely ending in a generic word ("…等方式", "…等工作") defines nothing.
        Assert.DoesNotContain(found, d => d.Term is "方式" or "工作" or "部门");

        // A name modified in many clauses of one document (“两新”组织) is not defined by them.
        Assert.DoesNotContain(found, d => d.Term == "两新");
    }

    [Theory]
    [InlineData("本办法所称“红色驿站”，是指设在商圈楼宇的党员服务点。", "红色驿站", "设在商圈楼宇的党员服务点")]
    [InlineData("要做到“三个一”，即一个阵地、一支队伍、一套制度。", "三个一", "一个阵地、一支队伍、一套制度")]
    [InlineData("清理名存实亡的“僵尸”社团。", "僵尸", "清理名存实亡")]
    [InlineData("将服务延伸到外卖员、快递员等新业态从业者。", "新业态从业者", "将服务延伸到外卖员、快递员")]
    [InlineData("落实“三会一课”（支部党员大会、支委会、党小组会和党课）制度。", "三会一课", "支部党员大会、支委会、党小组会和党课")]
    [InlineData("开展“三亮”：亮身份、亮承诺、亮形象。", "三亮", "亮身份、亮承诺、亮形象")]
    public void Reads_a_term_and_the_words_that_explain_it(string text, string term, string description) =>
        Assert.Contains(new Definition(term, description), Definitions.Extract(text));

    [Theory]
    [InlineData("工作开展以来，要立即整改，随即上报。")]
    [InlineData("8月15日前（含专班名单）报送。")]
    public void Reads_no_definition_where_there_is_none(string text) => Assert.Empty(Definitions.Extract(text));

    [Fact]
    public void A_question_in_the_words_of_a_description_reaches_the_sentence_naming_the_term()
    {
        using var folder = new TestFolder();
        var corpus = Directory.CreateDirectory(folder.File("corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "红色驿站建设方案.txt"),
            "红色驿站建设方案\n一、名词解释\n本方案所称“红色驿站”，是指设在商圈楼宇、供快递员和网约工歇脚喝水充电的党员服务点。\n"
            + "二、建设要求\n每个街道至少建成两个“红色驿站”。\n驿站日常值守由社区安排志愿者轮流承担。\n");
        using var knowledge = new KnowledgeBase(folder.File("index"), corpus);
        knowledge.EnsureCorpus();
        var (answer, _) = knowledge.Asker.AskScored("给快递员网约工歇脚喝水充电的党员服务点 街道要建几个？");
        Assert.Contains("至少建成两个", answer.Text, StringComparison.Ordinal);
    }
}
