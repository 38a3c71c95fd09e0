using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Tests;

public sealed class UnitClassesTests
{
    [Fact]
    public void Every_class_word_is_written_in_the_documents_and_every_line_names_its_source()
    {
        var documents = string.Concat(Directory.GetFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported)
            .Append(TestFolder.Data("documents", "001-quality-plan.txt"))
            .Select(p => QaScorer.Norm(string.Concat(DocumentReader.Read(p).Passages.Select(x => x.Section + x.Text)))));
        Assert.NotEmpty(UnitClasses.Default);
        foreach (var entry in UnitClasses.Default)
        {
            Assert.All(entry.Classes, w => Assert.True(documents.Contains(w, StringComparison.Ordinal), $"{entry.UnitType}: {w} is in no document"));
            Assert.InRange(entry.Credit, 0.1, 0.99);
            Assert.False(string.IsNullOrWhiteSpace(entry.Source), entry.UnitType);
        }
    }

    [Theory]
    [InlineData("没有党员的律师事务所怎么实现覆盖？", "律师事务所", "社会组织")]
    [InlineData("这家律所有3名正式党员，该怎么建？", "律所", "社会组织")]
    [InlineData("小区那家物业公司没有党组织", "物业公司", "非公有制企业")]
    public void A_unit_type_the_question_names_is_read_whole_with_its_classes(string question, string unitType, string classWord)
    {
        var form = QuestionAnalyzer.MatchForm(question);
        var named = UnitClasses.Named(form, UnitClasses.Default);
        var at = form.IndexOf(unitType, StringComparison.Ordinal);

        Assert.Equal(unitType, named[at]?.UnitType);
        Assert.Contains(classWord, named[at]!.Classes);
        Assert.Equal(named[at]!.Credit, UnitClasses.Credit(named[at], "没有党员的社会组织和非公有制企业"));
    }

    [Fact]
    public void A_term_inside_a_unit_type_is_covered_by_its_class_and_others_are_not()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), Thesaurus.LoadDefault());
        var terms = analyzer.Terms("没有党员的律师事务所怎么实现覆盖？");

        Assert.Contains(terms, t => t.UnitClass is not null && t.ClassCredit("零党员的社会组织") > 0);
        Assert.All(terms.Where(t => t.Alternatives.Contains("党员")), t => Assert.Equal(0, t.ClassCredit("零党员的社会组织")));
    }
}
