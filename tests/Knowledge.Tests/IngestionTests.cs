using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InstructorBot.Knowledge.Ingestion;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace InstructorBot.Knowledge.Tests;

public sealed class IngestionTests
{
    [Fact]
    public void Joins_lines_broken_mid_sentence_drops_page_numbers_and_removes_spaces_inside_dates()
    {
        string[] lines =
        [
            "（三）全面排查摸底（8月 26 日前）。各区各相关部门要组",
            "",
            "织专门力量，从 2021 年 9 月上旬开始排查。",
            "",
            "7",
            "",
            "二、工作安排",
            "Party branches need members",
        ];

        var paragraphs = TextCleaner.ToParagraphs(lines);

        Assert.Equal(
            ["（三）全面排查摸底（8月26日前）。各区各相关部门要组织专门力量，从2021年9月上旬开始排查。", "二、工作安排", "Party branches need members"],
            paragraphs);
    }

    [Fact]
    public void Splits_the_forwarded_notice_of_002_into_passages_with_heading_paths()
    {
        var document = DocumentReader.Read(Path.Combine(TestFolder.Corpus, "002-liaoning-zhongzubu-2016-40.txt"));

        var goal = Assert.Single(document.Passages, p => p.Section == "一、明确目标任务");
        Assert.Contains("凡有3名以上正式党员的，都要按照党章规定成立党组织；党员不足3名的", goal.Text, StringComparison.Ordinal);
        Assert.Contains(document.Passages, p => p.Section == "二、落实工作措施 / 6.优化党组织设置提升覆盖质量");
        Assert.Contains(document.Passages, p => p.Text.Contains("现将《中共中央组织部关于集中推进", StringComparison.Ordinal));
        Assert.Equal("组通字〔2016〕40号（辽组通字〔2016〕63号转发）", document.Metadata.DocumentNumber);
    }

    [Fact]
    public void Keeps_markdown_sections_of_004_and_lists_the_sub_sections_under_their_parent()
    {
        var document = DocumentReader.Read(Path.Combine(TestFolder.Corpus, "004-longgang-2019-27.md"));

        var measures = Assert.Single(document.Passages, p => p.Section == "二、工作措施");
        Assert.Equal(4, measures.ChildHeadings.Count);
        Assert.Contains(document.Passages, p => p.Section == "二、工作措施 / (一)区领导\"挂点促建\"" && p.Text.Contains("区领导带头挂点", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Passages, p => p.Text.Contains("**", StringComparison.Ordinal) || p.Text.Contains("# ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("某组通〔2021〕12号", "某组通〔2021〕12号")]
    [InlineData("深龙组通 [2019] 27号", "深龙组通[2019]27号")]
    public void Detects_title_and_document_number_when_no_metadata_is_given(string numberLine, string expected)
    {
        using var folder = new TestFolder();
        var file = folder.File("notice.txt");
        File.WriteAllLines(file, ["中共某某区委组织部文件", numberLine, "关于开展两新组织党建", "测试工作的通知", "一、目标任务", "凡有3名以上正式党员的，都要成立党组织。"]);

        var document = DocumentReader.Read(file);

        Assert.Equal("关于开展两新组织党建测试工作的通知", document.Metadata.Title);
        Assert.Equal(expected, document.Metadata.DocumentNumber);
        Assert.Equal("一、目标任务", Assert.Single(document.Passages).Section);
    }

    [Fact]
    public void Quotes_from_a_docx_written_here_are_the_source_text()
    {
        using var folder = new TestFolder();
        var file = folder.File("plan.docx");
        const string rule = "党员不足3名的楼宇企业，可以依托楼宇党委联合组建党支部，每个联合党支部覆盖企业不超过3家。";
        WriteDocx(file, ["关于推进楼宇企业党组织组建工作的通知", "一、组建要求", "凡有3名以上正式党员的楼宇企业，都要单独建立党支部。", "二、联合组建", rule]);
        using var knowledge = new KnowledgeBase(folder.File("index"), corpusFolder: null);

        var indexed = Assert.Single(knowledge.AddDocuments([file]));
        var answer = knowledge.Ask("楼宇企业党员不足3名怎么组建？");

        Assert.Equal("关于推进楼宇企业党组织组建工作的通知", indexed.Title);
        Assert.True(answer.Answered);
        Assert.Equal("二、联合组建", answer.Citations[0].Section);
        Assert.Contains(rule, answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_pdf_written_with_a_standard_latin_font_joining_wrapped_lines_and_dropping_page_numbers()
    {
        // PdfPig's builder only has the standard 14 fonts (Latin); no CJK TrueType font is installed here (fc-list).
        using var folder = new TestFolder();
        var file = folder.File("guide.pdf");
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Party branches need at least three full members.", 12, new PdfPoint(40, 760), font);
        page.AddText("Units with fewer than three members form a joint", 12, new PdfPoint(40, 740), font);
        page.AddText("organisation with neighbouring units.", 12, new PdfPoint(40, 720), font);
        page.AddText("2", 10, new PdfPoint(290, 40), font);
        File.WriteAllBytes(file, builder.Build());
        using var knowledge = new KnowledgeBase(folder.File("index"), corpusFolder: null);

        knowledge.AddDocuments([file]);
        var answer = knowledge.Ask("joint organisation neighbouring units");

        Assert.True(answer.Answered);
        Assert.Contains("Units with fewer than three members form a joint organisation with neighbouring units.", answer.Citations[0].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("2", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    private static void WriteDocx(string path, IEnumerable<string> paragraphs)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(text => new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })))));
        main.Document.Save();
    }
}
